package io.claribi.connections.api;

import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.ProblemException;

/** The problems a call meets at a connection that is not ready, the same wherever they arise. */
public final class ConnectionProblems {

  private ConnectionProblems() {}

  /**
   * 409: {@code CONNECTION_NEEDS_REAUTH} for a refused grant or an undecryptable credential, else
   * {@code CONNECTION_NOT_ACTIVE}.
   */
  public static ProblemException notActive(ConnectionId connection, ConnectionState state) {
    return state == ConnectionState.NEEDS_REAUTH
        ? needsReauth(
            connection,
            "the vendor no longer accepts its grant, or its stored credential cannot be decrypted")
        : new ProblemException(
            409,
            "CONNECTION_NOT_ACTIVE",
            "Connection not active",
            "Connection " + connection + " is " + state + ".");
  }

  /** 409 {@code CONNECTION_NEEDS_REAUTH}: the admin must connect again, and why. */
  public static ProblemException needsReauth(ConnectionId connection, String why) {
    return new ProblemException(
        409,
        "CONNECTION_NEEDS_REAUTH",
        "Connection needs re-authorisation",
        "Connection "
            + connection
            + " must be connected again: "
            + why
            + ". Nothing was sent to the vendor.");
  }
}

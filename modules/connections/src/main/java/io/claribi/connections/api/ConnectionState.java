package io.claribi.connections.api;

/** Where a connection stands; only {@code ACTIVE} connections reach a vendor. */
public enum ConnectionState {
  /** Authorization started, no credential yet. */
  PENDING,
  /** Authorized: calls may use its credential. */
  ACTIVE,
  /** The vendor rejected the refresh token or the credential no longer opens: connect again. */
  NEEDS_REAUTH
}

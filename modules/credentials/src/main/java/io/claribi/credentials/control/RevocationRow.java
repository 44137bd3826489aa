package io.claribi.credentials.control;

import io.claribi.platform.api.ConnectionId;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Where a token awaiting revocation is stored: in the {@code credentials} table (its keys, its
 * rotation), in a row whose {@code connection_id} is a name-based UUID of the deleted connection's
 * id. That can never equal a connection's random one, nor a client secret's row.
 */
public final class RevocationRow {

  private RevocationRow() {}

  /** The {@code connection_id} of the token's row; it is also sealed into the ciphertext. */
  public static String of(ConnectionId connection) {
    return UUID.nameUUIDFromBytes(("revocation\n" + connection).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}

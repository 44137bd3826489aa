package io.claribi.credentials.control;

import io.claribi.credentials.api.ClientSecretId;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Where a client secret is stored: client secrets share the {@code credentials} table with token
 * sets (and so its keys and its rotation), in a row whose {@code connection_id} is a name-based
 * UUID of the issuer. That can never equal a connection's random one.
 */
public final class ClientSecretRow {

  private ClientSecretRow() {}

  /** The {@code connection_id} of the secret's row; it is also sealed into the ciphertext. */
  public static String of(ClientSecretId secret) {
    return UUID.nameUUIDFromBytes(
            ("oauth-client\n" + secret.issuer()).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}

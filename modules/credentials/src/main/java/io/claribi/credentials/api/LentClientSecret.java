package io.claribi.credentials.api;

/**
 * An organization's client secret at an authorization server, lent to one {@link
 * ClientSecretVault#use} callback; every accessor throws once the callback has returned.
 */
public interface LentClientSecret {

  String clientId();

  /** {@code client_secret_basic} or {@code client_secret_post}. */
  String authMethod();

  String secret();
}

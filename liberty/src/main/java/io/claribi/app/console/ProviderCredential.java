package io.claribi.app.console;

import jakarta.security.enterprise.credential.Credential;

/**
 * The credential of a sign-in the identity provider completed: made by the callback only after the
 * ID token passed {@link ProviderIdTokens}, and handed to the container's authentication like the
 * password form's name and password, so the same mechanism (and its single sign-on cookie) serves
 * both.
 */
final class ProviderCredential implements Credential {

  private final ProviderIdentity identity;

  ProviderCredential(ProviderIdentity identity) {
    this.identity = identity;
  }

  ProviderIdentity identity() {
    return identity;
  }

  @Override
  public String toString() {
    return "ProviderCredential[" + identity.name() + "]";
  }
}

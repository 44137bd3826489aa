package io.claribi.credentials.api;

import java.util.Objects;

/**
 * Identifies an organization's client secret: the issuer of the authorization server at which the
 * organization holds its one confidential registration. The organization is the caller's.
 */
public record ClientSecretId(String issuer) {

  public ClientSecretId {
    Objects.requireNonNull(issuer, "issuer");
  }
}

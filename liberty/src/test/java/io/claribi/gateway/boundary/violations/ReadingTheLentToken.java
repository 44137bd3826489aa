package io.claribi.gateway.boundary.violations;

import io.claribi.credentials.api.Credential;

/** Counter-example: copying the lent access token out of the callback. */
public class ReadingTheLentToken {

  String keep(Credential credential) {
    return credential.accessToken();
  }
}

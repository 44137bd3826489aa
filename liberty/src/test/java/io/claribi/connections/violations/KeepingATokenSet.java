package io.claribi.connections.violations;

import io.claribi.credentials.api.TokenSet;

/** Counter-example: a class outside credentials reads a token from a token set it kept. */
public class KeepingATokenSet {

  private TokenSet kept;

  String bearer() {
    return "Bearer " + kept.accessToken();
  }
}

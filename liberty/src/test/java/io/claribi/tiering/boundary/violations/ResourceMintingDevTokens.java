package io.claribi.tiering.boundary.violations;

import io.claribi.devtokens.DevTokens;
import java.time.Duration;
import java.util.List;

/** Deliberate violation for ContextBoundariesTest: product code that mints development tokens. */
public class ResourceMintingDevTokens {

  public String token(DevTokens tokens) {
    return tokens.mint("someone", "acme", List.of("org-admin"), Duration.ofMinutes(5));
  }
}

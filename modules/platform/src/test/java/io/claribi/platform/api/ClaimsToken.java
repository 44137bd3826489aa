package io.claribi.platform.api;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A verified token's claims, as the MicroProfile JWT runtime hands them to the application. */
final class ClaimsToken implements JsonWebToken {

  private final Map<String, Object> claims = new HashMap<>();

  ClaimsToken with(String claim, Object value) {
    claims.put(claim, value);
    return this;
  }

  static ClaimsToken of(String subject, String org, String... groups) {
    ClaimsToken token =
        new ClaimsToken().with("raw_token", "header.payload.signature").with("sub", subject);
    token.with("groups", Set.of(groups));
    return org == null ? token : token.with("org", org);
  }

  static ClaimsToken anonymous() {
    return new ClaimsToken();
  }

  @Override
  public String getName() {
    return (String) claims.get("sub");
  }

  @Override
  public Set<String> getClaimNames() {
    return claims.keySet();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T getClaim(String claimName) {
    return (T) claims.get(claimName);
  }
}

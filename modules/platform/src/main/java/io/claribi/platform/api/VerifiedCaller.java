package io.claribi.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling and for which organization, read only from the verified MicroProfile JWT.
 *
 * <p>This is the single place that reads the {@code org} claim; nothing in the product takes an
 * organization id from a path, query, header or body for tenant data.
 */
@RequestScoped
public class VerifiedCaller {

  public static final String ORGANIZATION_CLAIM = "org";

  private JsonWebToken token;

  protected VerifiedCaller() {
    // for the CDI proxy
  }

  @Inject
  public VerifiedCaller(JsonWebToken token) {
    this.token = token;
  }

  /** The caller's organization, or a 401 problem when the token carries none (or a bad one). */
  public OrganizationId organization() {
    String claim =
        organizationClaim()
            .orElseThrow(
                () ->
                    new NoOrganizationBoundException(
                        "The bearer token carries no '" + ORGANIZATION_CLAIM + "' claim."));
    if (!OrganizationId.isValid(claim)) {
      throw new ProblemException(
          401,
          "ORGANIZATION_CLAIM_INVALID",
          "Invalid organization claim",
          "The '"
              + ORGANIZATION_CLAIM
              + "' claim of the bearer token is not a valid organization id.");
    }
    return new OrganizationId(claim);
  }

  /** The raw {@code org} claim, if the token has one as a string. */
  public Optional<String> organizationClaim() {
    if (!isAuthenticated()) {
      return Optional.empty();
    }
    Object claim = token.getClaim(ORGANIZATION_CLAIM);
    if (claim instanceof JsonString json) {
      return Optional.of(json.getString());
    }
    return claim instanceof String text ? Optional.of(text) : Optional.empty();
  }

  /** The acting user: the token's subject, as recorded in audit trails and plan history. */
  public String actor() {
    if (!isAuthenticated()) {
      throw new ProblemException(
          401, "AUTHENTICATION_REQUIRED", "Authentication required", "A bearer token is required.");
    }
    String subject = token.getSubject();
    return subject != null ? subject : token.getName();
  }

  public boolean isInRole(String role) {
    return isAuthenticated() && token.getGroups() != null && token.getGroups().contains(role);
  }

  public boolean isAuthenticated() {
    return token != null && token.getRawToken() != null;
  }
}

package io.claribi.platform.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which claims of a bearer token name the caller's organization and roles. Identity providers
 * differ (Keycloak maps a group or attribute to any claim, Entra ID puts app roles in {@code
 * roles}, Okta adds custom claims), so both names are settings; the defaults are the product's own
 * ({@code org}, and MicroProfile JWT's {@code groups}). The groups setting is the same environment
 * variable that tells Liberty's MicroProfile JWT which claim holds the groups its role checks use
 * (server.xml), so the two cannot disagree. See docs/operations.md, "Tokens of your identity
 * provider".
 */
public record TokenClaimNames(String organization, String groups) {

  /**
   * A JSON member name: letters, digits and the punctuation of namespaced claims such as {@code
   * https://example.com/org} (Auth0, Okta); no spaces, brackets or anything to escape in a log.
   * Declared before {@link #DEFAULT}, whose construction checks its names with it.
   */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_:./-]{0,127}");

  public static final String ORGANIZATION_CLAIM = "claribi.token.organization-claim";
  public static final String GROUPS_CLAIM = "claribi.token.groups-claim";
  public static final TokenClaimNames DEFAULT = new TokenClaimNames("org", "groups");

  public TokenClaimNames {
    require(ORGANIZATION_CLAIM, organization);
    require(GROUPS_CLAIM, groups);
  }

  private static void require(String setting, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          setting
              + " must be a claim name (letters, digits, '_', ':', '.', '/', '-'), not '"
              + name
              + "'");
    }
  }

  /** Read once from MicroProfile Config; a bad name stops the application at start. */
  @ApplicationScoped
  public static class FromConfig {

    private final TokenClaimNames names;

    protected FromConfig() {
      this.names = DEFAULT; // for the CDI proxy
    }

    @Inject
    public FromConfig(
        @ConfigProperty(name = ORGANIZATION_CLAIM, defaultValue = "org") String organization,
        @ConfigProperty(name = GROUPS_CLAIM, defaultValue = "groups") String groups) {
      this.names = new TokenClaimNames(organization, groups);
    }

    @Produces
    TokenClaimNames names() {
      return names;
    }

    /** Built at start, so that a bad setting stops the application then, not at the first call. */
    void onStart(@Observes Startup startup) {
      names();
    }
  }
}

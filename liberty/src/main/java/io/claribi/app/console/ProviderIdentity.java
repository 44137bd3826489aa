package io.claribi.app.console;

import io.claribi.platform.api.IdentityClaims;
import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.Roles;
import io.claribi.platform.api.TokenClaimNames;
import java.io.Serializable;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A person the identity provider signed in, as the console knows them: the name from the configured
 * user claim, the organization from the organization claim, and the console roles their provider
 * groups map to. Kept in the HTTP session (it is the session's identity) with the ID token, whose
 * only further use is as the hint of the provider's logout.
 */
record ProviderIdentity(String name, String organizationId, Set<String> roles, String idToken)
    implements Serializable {

  OrganizationId organization() {
    return new OrganizationId(organizationId);
  }

  /**
   * From the claims of an ID token the provider signed and {@link ProviderIdTokens} verified.
   *
   * @throws ProviderSignInRefused without a usable name, organization, or console role
   */
  static ProviderIdentity of(
      Map<String, Object> claims, ProviderSignInSettings settings, String idToken)
      throws ProviderSignInRefused {
    Object name = claims.get(settings.userClaim());
    if (!(name instanceof String text) || !IdentityClaims.isAcceptable(text)) {
      throw new ProviderSignInRefused(
          ProviderSignInRefused.Reason.INVALID_TOKEN,
          "the ID token's '" + settings.userClaim() + "' claim is missing or not a usable name");
    }
    TokenClaimNames names = settings.claims();
    Object organization = claims.get(names.organization());
    if (!(organization instanceof String id) || !OrganizationId.isValid(id)) {
      throw new ProviderSignInRefused(
          ProviderSignInRefused.Reason.NO_ORGANIZATION,
          "'"
              + text
              + "' has no valid '"
              + names.organization()
              + "' claim in the ID token: "
              + (organization == null ? "none" : "not an organization id"));
    }
    Set<String> groups = new HashSet<>();
    if (claims.get(names.groups()) instanceof Collection<?> values) {
      values.stream().filter(String.class::isInstance).map(String.class::cast).forEach(groups::add);
    } else if (claims.get(names.groups()) instanceof String single) {
      groups.add(single); // some providers send a one-element list as a string
    }
    Set<String> roles = new HashSet<>();
    if (groups.stream().anyMatch(settings.adminGroups()::contains)) {
      roles.add(Roles.ORG_ADMIN);
    }
    if (groups.stream().anyMatch(settings.operatorGroups()::contains)) {
      roles.add(Roles.PLATFORM_OPERATOR);
    }
    if (roles.isEmpty()) {
      throw new ProviderSignInRefused(
          ProviderSignInRefused.Reason.NO_ROLE,
          "'"
              + text
              + "' is in none of the groups mapped to a console role ('"
              + names.groups()
              + "' claim: "
              + groups.size()
              + " groups)");
    }
    return new ProviderIdentity(text, id, Set.copyOf(roles), idToken);
  }

  @Override
  public String toString() {
    return "ProviderIdentity[" + name + " of " + organizationId + ", " + roles + "]";
  }
}

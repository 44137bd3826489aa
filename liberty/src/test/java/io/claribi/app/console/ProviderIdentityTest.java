package io.claribi.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.Roles;
import io.claribi.platform.api.TokenClaimNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The console's identity from verified ID token claims: the name from the configured user claim,
 * the organization from the organization claim, the roles the provider groups are mapped to; no
 * usable name, no valid organization, or no mapped group refuses the sign-in with its reason.
 */
class ProviderIdentityTest {

  private static final String ID_TOKEN = "header.payload.signature";

  private static final ProviderSignInSettings SETTINGS = settings(Map.of());

  @Test
  void a_member_of_a_mapped_admin_group_is_an_organization_admin_of_their_organization()
      throws Exception {
    ProviderIdentity identity =
        ProviderIdentity.of(
            claims(Map.of("claribi_roles", List.of("acme-admins"))), SETTINGS, ID_TOKEN);

    assertThat(identity.name()).isEqualTo("ann");
    assertThat(identity.organizationId()).isEqualTo("acme");
    assertThat(identity.organization()).isEqualTo(new OrganizationId("acme"));
    assertThat(identity.roles()).containsExactly(Roles.ORG_ADMIN);
    assertThat(identity.idToken()).isEqualTo(ID_TOKEN);
  }

  @Test
  void a_provider_group_mapped_to_operator_gives_platform_operator() throws Exception {
    assertThat(
            ProviderIdentity.of(
                    claims(Map.of("claribi_roles", List.of("readers", "claribi-operators"))),
                    SETTINGS,
                    ID_TOKEN)
                .roles())
        .containsExactly(Roles.PLATFORM_OPERATOR);
  }

  @Test
  void a_member_of_both_mapped_groups_gets_both_roles() throws Exception {
    assertThat(
            ProviderIdentity.of(
                    claims(Map.of("claribi_roles", List.of("claribi-operators", "claribi-admins"))),
                    SETTINGS,
                    ID_TOKEN)
                .roles())
        .containsExactlyInAnyOrder(Roles.ORG_ADMIN, Roles.PLATFORM_OPERATOR);
  }

  @Test
  void groups_that_are_not_mapped_give_no_role() {
    assertRefused(
        claims(Map.of("claribi_roles", List.of("readers", "org-admin", "platform-operator"))),
        ProviderSignInRefused.Reason.NO_ROLE);
    assertRefused(claims(Map.of("claribi_roles", List.of())), ProviderSignInRefused.Reason.NO_ROLE);
    assertRefused(
        claims(Map.of("claribi_roles", List.of(42, Map.of("name", "acme-admins")))),
        ProviderSignInRefused.Reason.NO_ROLE);
    Map<String, Object> withoutGroups = claims(Map.of());
    withoutGroups.remove("claribi_roles");
    assertRefused(withoutGroups, ProviderSignInRefused.Reason.NO_ROLE);
  }

  @Test
  void the_groups_of_the_api_claim_do_not_count_when_the_console_reads_another() {
    Map<String, Object> claims = claims(Map.of("claribi_roles", List.of("readers")));
    claims.put("groups", List.of("acme-admins"));

    assertRefused(claims, ProviderSignInRefused.Reason.NO_ROLE);
  }

  @Test
  void a_groups_claim_given_as_a_single_string_still_maps() throws Exception {
    assertThat(
            ProviderIdentity.of(claims(Map.of("claribi_roles", "acme-admins")), SETTINGS, ID_TOKEN)
                .roles())
        .containsExactly(Roles.ORG_ADMIN);
  }

  @Test
  void a_missing_organization_claim_is_no_organization() {
    Map<String, Object> claims = claims(Map.of());
    claims.remove("organization");
    claims.put("org", "acme"); // the API's claim name, not the console's

    assertRefused(claims, ProviderSignInRefused.Reason.NO_ORGANIZATION);
  }

  @Test
  void an_organization_claim_that_is_not_an_organization_id_is_no_organization() {
    for (Object organization :
        new Object[] {"../x", "", " acme", "acme\n", "a".repeat(65), 42, List.of("acme")}) {
      assertRefused(
          claims(Map.of("organization", organization)),
          ProviderSignInRefused.Reason.NO_ORGANIZATION);
    }
  }

  @Test
  void a_missing_or_unusable_user_name_is_an_invalid_token() {
    Map<String, Object> withoutName = claims(Map.of());
    withoutName.remove("preferred_username");
    assertRefused(withoutName, ProviderSignInRefused.Reason.INVALID_TOKEN);

    for (Object name : new Object[] {"ann\u0000", "ann\nadmin", "", "a".repeat(256), 42}) {
      assertRefused(
          claims(Map.of("preferred_username", name)), ProviderSignInRefused.Reason.INVALID_TOKEN);
    }
  }

  @Test
  void the_name_comes_from_the_configured_user_claim() throws Exception {
    ProviderSignInSettings byEmail = settings(Map.of("user-claim", "email"));
    Map<String, Object> claims = claims(Map.of("email", "ann@acme.example"));

    assertThat(ProviderIdentity.of(claims, byEmail, ID_TOKEN).name()).isEqualTo("ann@acme.example");
    assertThat(ProviderIdentity.of(claims, SETTINGS, ID_TOKEN).name())
        .as("the default user claim is preferred_username")
        .isEqualTo("ann");

    claims.remove("email");
    ProviderSignInRefused refused =
        catchThrowableOfType(
            ProviderSignInRefused.class, () -> ProviderIdentity.of(claims, byEmail, ID_TOKEN));
    assertThat(refused.reason)
        .as("preferred_username is not a fallback")
        .isEqualTo(ProviderSignInRefused.Reason.INVALID_TOKEN);
  }

  @Test
  void to_string_leaves_out_the_id_token() throws Exception {
    ProviderIdentity identity =
        ProviderIdentity.of(
            claims(Map.of("claribi_roles", List.of("acme-admins"))), SETTINGS, ID_TOKEN);

    assertThat(identity.toString()).contains("ann", "acme").doesNotContain(ID_TOKEN);
  }

  private static void assertRefused(
      Map<String, Object> claims, ProviderSignInRefused.Reason reason) {
    ProviderSignInRefused refused =
        catchThrowableOfType(
            ProviderSignInRefused.class, () -> ProviderIdentity.of(claims, SETTINGS, ID_TOKEN));

    assertThat(refused).as(claims.toString()).isNotNull();
    assertThat(refused.reason).as(claims.toString()).isEqualTo(reason);
  }

  /** The claims of Ann, an admin of acme, with some replaced. */
  private static Map<String, Object> claims(Map<String, Object> replaced) {
    Map<String, Object> claims = new HashMap<>();
    claims.put("sub", "ann-subject");
    claims.put("preferred_username", "ann");
    claims.put("organization", "acme");
    claims.put("claribi_roles", List.of("acme-admins"));
    claims.putAll(replaced);
    return claims;
  }

  /**
   * The settings an operator would give, with some {@code claribi.console.oidc.*} keys replaced.
   */
  private static ProviderSignInSettings settings(Map<String, String> replaced) {
    Map<String, String> values = new HashMap<>();
    values.put("issuer", "https://idp.example/realms/claribi");
    values.put("client-id", "claribi-console");
    values.put("public-url", "https://claribi.example");
    values.put("organization-claim", "organization");
    values.put("groups-claim", "claribi_roles");
    values.put("admin-groups", "claribi-admins, acme-admins");
    values.put("operator-groups", "claribi-operators");
    values.putAll(replaced);
    Map<String, String> environment =
        Map.of(ProviderSignInSettings.SECRET_VARIABLE, "the-client-secret");
    return ProviderSignInSettings.read(
            key ->
                key.startsWith(ProviderSignInSettings.PREFIX)
                    ? Optional.ofNullable(
                        values.get(key.substring(ProviderSignInSettings.PREFIX.length())))
                    : Optional.empty(),
            name -> Optional.ofNullable(environment.get(name)),
            TokenClaimNames.DEFAULT)
        .orElseThrow();
  }
}

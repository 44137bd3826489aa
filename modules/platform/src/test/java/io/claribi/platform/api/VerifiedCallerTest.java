package io.claribi.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifiedCallerTest {

  @Test
  void takes_the_organization_from_the_org_claim() {
    VerifiedCaller cut = new VerifiedCaller(ClaimsToken.of("alice", "acme", Roles.ORG_ADMIN));

    assertThat(cut.organization()).isEqualTo(new OrganizationId("acme"));
    assertThat(cut.actor()).isEqualTo("alice");
    assertThat(cut.isInRole(Roles.ORG_ADMIN)).isTrue();
    assertThat(cut.isInRole(Roles.PLATFORM_OPERATOR)).isFalse();
  }

  @Test
  void a_token_without_org_is_a_401_problem() {
    VerifiedCaller cut = new VerifiedCaller(ClaimsToken.of("alice", null, Roles.ORG_ADMIN));

    assertThatThrownBy(cut::organization)
        .isInstanceOf(ProblemException.class)
        .extracting(e -> ((ProblemException) e).code(), e -> ((ProblemException) e).status())
        .containsExactly("ORGANIZATION_REQUIRED", 401);
  }

  @Test
  void a_malformed_or_non_string_org_claim_is_a_401_problem() {
    VerifiedCaller injected = new VerifiedCaller(ClaimsToken.of("alice", "acme' OR '1'='1"));
    VerifiedCaller numeric = new VerifiedCaller(ClaimsToken.of("alice", null).with("org", 42));

    assertThatThrownBy(injected::organization)
        .extracting(e -> ((ProblemException) e).code())
        .isEqualTo("ORGANIZATION_CLAIM_INVALID");
    assertThatThrownBy(numeric::organization)
        .extracting(e -> ((ProblemException) e).code())
        .isEqualTo("ORGANIZATION_REQUIRED");
  }

  @Test
  void identity_claims_that_could_not_be_recorded_are_a_401_problem() {
    VerifiedCaller nul = new VerifiedCaller(ClaimsToken.of("alice\u0000", "acme", "org-admin"));
    VerifiedCaller longUpn =
        new VerifiedCaller(
            ClaimsToken.of("alice", "acme", "org-admin").with("upn", "u".repeat(256)));
    VerifiedCaller badGroup =
        new VerifiedCaller(ClaimsToken.of("alice", "acme", "org-admin", "x\r\ny"));

    for (VerifiedCaller cut : new VerifiedCaller[] {nul, longUpn, badGroup}) {
      assertThatThrownBy(cut::requireValidIdentityClaims)
          .extracting(e -> ((ProblemException) e).code(), e -> ((ProblemException) e).status())
          .containsExactly("TOKEN_CLAIM_INVALID", 401);
    }
    assertThatThrownBy(nul::actor)
        .extracting(e -> ((ProblemException) e).code())
        .isEqualTo("TOKEN_CLAIM_INVALID");
    new VerifiedCaller(ClaimsToken.of("alice", "acme", "org-admin")).requireValidIdentityClaims();
  }

  @Test
  void an_anonymous_caller_has_no_organization_and_no_roles() {
    VerifiedCaller cut = new VerifiedCaller(ClaimsToken.anonymous());

    assertThat(cut.isAuthenticated()).isFalse();
    assertThat(cut.isInRole(Roles.PLATFORM_OPERATOR)).isFalse();
    assertThat(cut.organizationClaim()).isEmpty();
    assertThatThrownBy(cut::actor).extracting(e -> ((ProblemException) e).status()).isEqualTo(401);
  }

  private static final ConsolePrincipal ACME_ADMIN =
      new ConsolePrincipal("acme-admin", new OrganizationId("acme"), Set.of(Roles.ORG_ADMIN));

  @Test
  void a_console_user_acts_for_the_organization_of_their_identity() {
    VerifiedCaller cut =
        new VerifiedCaller(
            ClaimsToken.anonymous(),
            ConsoleSession.signedInAs("acme-admin"),
            ConsoleSession.users(ACME_ADMIN));

    assertThat(cut.isAuthenticated()).isTrue();
    assertThat(cut.hasBearerToken()).isFalse();
    assertThat(cut.organization()).isEqualTo(new OrganizationId("acme"));
    assertThat(cut.actor()).isEqualTo("acme-admin");
    assertThat(cut.isInRole(Roles.ORG_ADMIN)).isTrue();
    assertThat(cut.isInRole(Roles.PLATFORM_OPERATOR)).isFalse();
  }

  @Test
  void a_bearer_token_wins_over_a_console_sign_in() {
    VerifiedCaller cut =
        new VerifiedCaller(
            ClaimsToken.of("bob", "globex", Roles.INTEGRATOR),
            ConsoleSession.signedInAs("acme-admin"),
            ConsoleSession.users(ACME_ADMIN));

    assertThat(cut.organization()).isEqualTo(new OrganizationId("globex"));
    assertThat(cut.actor()).isEqualTo("bob");
    assertThat(cut.isInRole(Roles.ORG_ADMIN)).isFalse();
  }

  @Test
  void a_signed_in_name_that_no_console_user_has_is_not_authenticated() {
    VerifiedCaller cut =
        new VerifiedCaller(
            ClaimsToken.anonymous(),
            ConsoleSession.signedInAs("mallory"),
            ConsoleSession.users(ACME_ADMIN));

    assertThat(cut.isAuthenticated()).isFalse();
    assertThat(cut.isInRole(Roles.ORG_ADMIN)).isFalse();
    assertThatThrownBy(cut::actor).extracting(e -> ((ProblemException) e).status()).isEqualTo(401);
    assertThatThrownBy(cut::organization)
        .extracting(e -> ((ProblemException) e).status())
        .isEqualTo(401);
  }

  @Test
  void on_the_rest_api_a_console_session_is_no_caller() {
    VerifiedCaller cut =
        new VerifiedCaller(
            ClaimsToken.anonymous(),
            ConsoleSession.signedInAs("acme-admin"),
            ConsoleSession.users(ACME_ADMIN));

    cut.acceptBearerTokenOnly();

    assertThat(cut.isAuthenticated()).isFalse();
    assertThat(cut.isInRole(Roles.ORG_ADMIN)).isFalse();
    assertThatThrownBy(cut::organization)
        .extracting(e -> ((ProblemException) e).status())
        .isEqualTo(401);
  }

  @Test
  void a_console_user_known_to_one_of_several_sources_is_found_there() {
    VerifiedCaller cut =
        new VerifiedCaller(
            ClaimsToken.anonymous(),
            ConsoleSession.signedInAs("acme-admin"),
            ConsoleSession.sources(ConsoleSession.source(), ConsoleSession.source(ACME_ADMIN)));

    assertThat(cut.organization()).isEqualTo(new OrganizationId("acme"));
  }

  @Test
  void a_name_two_sources_know_is_nobody() {
    ConsolePrincipal namesake =
        new ConsolePrincipal(
            "acme-admin", new OrganizationId("globex"), Set.of(Roles.PLATFORM_OPERATOR));
    VerifiedCaller cut =
        new VerifiedCaller(
            ClaimsToken.anonymous(),
            ConsoleSession.signedInAs("acme-admin"),
            ConsoleSession.sources(
                ConsoleSession.source(ACME_ADMIN), ConsoleSession.source(namesake)));

    assertThat(cut.isAuthenticated()).isFalse();
    assertThat(cut.isInRole(Roles.PLATFORM_OPERATOR)).isFalse();
    assertThatThrownBy(cut::organization)
        .extracting(e -> ((ProblemException) e).status())
        .isEqualTo(401);
  }

  @Test
  void reads_the_organization_and_roles_from_the_claims_an_identity_provider_is_configured_with() {
    TokenClaimNames keycloak = new TokenClaimNames("organization", "claribi_roles");
    ClaimsToken token =
        ClaimsToken.of("alice", "not-this-one", Roles.PLATFORM_OPERATOR)
            .with("organization", "acme")
            .with("claribi_roles", List.of(Roles.ORG_ADMIN));

    VerifiedCaller cut = new VerifiedCaller(token, keycloak);

    assertThat(cut.organization()).isEqualTo(new OrganizationId("acme"));
    assertThat(cut.isInRole(Roles.ORG_ADMIN)).isTrue();
    assertThat(cut.isInRole(Roles.PLATFORM_OPERATOR))
        .as("the default 'groups' claim counts for nothing once another is configured")
        .isFalse();
  }

  @Test
  void a_groups_claim_that_is_not_an_array_of_strings_grants_no_role() {
    VerifiedCaller text =
        new VerifiedCaller(ClaimsToken.of("alice", "acme").with("groups", Roles.ORG_ADMIN));
    VerifiedCaller numbers =
        new VerifiedCaller(ClaimsToken.of("alice", "acme").with("groups", List.of(1, 2)));

    assertThat(text.isInRole(Roles.ORG_ADMIN)).isFalse();
    assertThat(numbers.isInRole(Roles.ORG_ADMIN)).isFalse();
  }

  @Test
  void a_claim_name_an_operator_could_mistype_into_a_path_or_blank_is_refused_at_start() {
    assertThatThrownBy(() -> new TokenClaimNames("realm_access.roles[0]", "groups"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(TokenClaimNames.ORGANIZATION_CLAIM);
    assertThatThrownBy(() -> new TokenClaimNames("org", " "))
        .hasMessageContaining(TokenClaimNames.GROUPS_CLAIM);
  }
}

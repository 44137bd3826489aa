package it.io.claribi;

import static it.io.claribi.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import io.claribi.devtokens.DevKeys;
import io.claribi.devtokens.DevTokens;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every way a token can be wrong gets 401 (403 for a wrong role), as a problem detail. */
class AuthenticationIT {

  private static final String ORGANIZATION = "/api/v1/organization";
  private final DevTokens tokens = Api.tokens();

  @Test
  void no_token_is_401_with_a_bearer_challenge() {
    Api.Reply reply = Api.get(ORGANIZATION, null);

    assertProblem(reply, 401, "AUTHENTICATION_REQUIRED");
    assertThat(reply.response().headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
  }

  @Test
  void garbage_token_is_401() {
    assertProblem(Api.get(ORGANIZATION, "not.a.jwt"), 401, "AUTHENTICATION_REQUIRED");
  }

  @Test
  void expired_token_is_401() {
    Instant past = Instant.now().minus(Duration.ofHours(2));
    String token =
        tokens.sign(
            claims("acme")
                .issueTime(Date.from(past))
                .expirationTime(Date.from(past.plusSeconds(60)))
                .build());

    assertProblem(Api.get(ORGANIZATION, token), 401, "AUTHENTICATION_REQUIRED");
  }

  @Test
  void token_signed_by_another_key_is_401() throws Exception {
    DevTokens stranger =
        new DevTokens(DevKeys.inFolder(Files.createTempDirectory("stranger-keys")));

    assertProblem(
        Api.get(ORGANIZATION, stranger.sign(claims("acme").build())),
        401,
        "AUTHENTICATION_REQUIRED");
  }

  @Test
  void token_from_another_issuer_is_401() {
    String token = tokens.sign(claims("acme").issuer("https://evil.example").build());

    assertProblem(Api.get(ORGANIZATION, token), 401, "AUTHENTICATION_REQUIRED");
  }

  @Test
  void token_for_another_audience_is_401() {
    String token = tokens.sign(claims("acme").audience("someone-else").build());

    assertProblem(Api.get(ORGANIZATION, token), 401, "AUTHENTICATION_REQUIRED");
  }

  @Test
  void token_without_org_claim_is_401() {
    String token = tokens.mint("nobody", null, List.of("org-admin"), Duration.ofMinutes(5));

    assertProblem(Api.get(ORGANIZATION, token), 401, "ORGANIZATION_REQUIRED");
  }

  @Test
  void token_with_a_malformed_org_claim_is_401() {
    String token = tokens.sign(claims("acme").claim("org", "acme' OR '1'='1").build());

    assertProblem(Api.get(ORGANIZATION, token), 401, "ORGANIZATION_CLAIM_INVALID");
  }

  @Test
  void identity_claims_that_could_not_be_recorded_are_401_and_record_nothing() {
    String org = Api.newOrganization("claims");
    List<String> refused =
        List.of(
            tokens.sign(claims(org).subject("mallory\u0000").build()),
            tokens.sign(claims(org).subject("m".repeat(256)).build()),
            tokens.sign(claims(org).claim("upn", "u".repeat(256)).build()),
            tokens.sign(claims(org).claim("upn", "mallory\r\nadmin").build()),
            tokens.sign(claims(org).claim("groups", List.of("org-admin", "x\u0000")).build()));

    // A first GET of /organization enrols the organization and records it with the caller as actor.
    assertThat(refused.stream().map(token -> Api.get(ORGANIZATION, token)))
        .extracting(reply -> reply.status() + " " + reply.json().getString("code"))
        .containsOnly("401 TOKEN_CLAIM_INVALID");
    Api.Reply provisioned =
        Api.put(
            "/api/v1/organizations/" + org,
            Api.token("platform", "platform-operator"),
            "{\"name\":\"" + org + "\",\"plan\":\"ENTERPRISE\"}");
    assertThat(provisioned.status()).as(provisioned.toString()).isEqualTo(201);

    // Had any refused token enrolled the organization, its event would come first.
    assertThat(AuditIT.events(org, ""))
        .extracting(e -> e.getString("actor"))
        .containsExactly("user@platform");
  }

  @Test
  void wrong_role_is_403() {
    String integrator = Api.token(Api.newOrganization("auth"), "integrator");

    assertProblem(Api.get(ORGANIZATION + "/plan-changes", integrator), 403, "FORBIDDEN");
  }

  @Test
  void token_without_groups_is_403() {
    String token =
        tokens.mint("nobody", Api.newOrganization("auth"), List.of(), Duration.ofMinutes(5));

    assertProblem(Api.get(ORGANIZATION, token), 403, "FORBIDDEN");
  }

  private JWTClaimsSet.Builder claims(String org) {
    return tokens.claims("user@" + org, org, List.of("org-admin"), Duration.ofMinutes(5));
  }
}

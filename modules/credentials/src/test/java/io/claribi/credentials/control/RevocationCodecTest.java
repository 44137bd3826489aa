package io.claribi.credentials.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.credentials.api.ClientSecret;
import io.claribi.credentials.api.InvalidCredentialCiphertextException;
import io.claribi.credentials.api.TokenSet;
import io.claribi.credentials.api.TokenToRevoke;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.OrganizationId;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RevocationCodecTest {

  private static final OrganizationId ORG = new OrganizationId("acme");
  private static final ConnectionId CONNECTION = ConnectionId.random();
  private static final TokenToRevoke TOKEN =
      new TokenToRevoke("refresh-s3cr3t", TokenToRevoke.Kind.REFRESH_TOKEN);

  /** The connection id a token set would need to land in the revocation's row. */
  private static final ConnectionId ROW =
      new ConnectionId(UUID.fromString(RevocationRow.of(CONNECTION)));

  @Test
  void a_token_to_revoke_opens_for_its_organization_and_connection() {
    byte[] plaintext = RevocationCodec.encode(ORG, CONNECTION, TOKEN);

    assertThat(RevocationCodec.decode(plaintext, ORG, CONNECTION)).isEqualTo(TOKEN);
    assertThat(plaintext).containsOnly((byte) 0);
  }

  @Test
  void it_does_not_open_for_another_organization_or_connection() {
    assertThatThrownBy(
            () ->
                RevocationCodec.decode(
                    RevocationCodec.encode(ORG, CONNECTION, TOKEN),
                    new OrganizationId("other"),
                    CONNECTION))
        .isInstanceOf(InvalidCredentialCiphertextException.class)
        .hasMessageContaining("another connection");
    assertThatThrownBy(
            () ->
                RevocationCodec.decode(
                    RevocationCodec.encode(ORG, CONNECTION, TOKEN), ORG, ConnectionId.random()))
        .isInstanceOf(InvalidCredentialCiphertextException.class);
  }

  @Test
  void token_sets_client_secrets_and_tokens_to_revoke_never_open_as_each_other() {
    TokenSet tokens = new TokenSet("at", Optional.of("rt"), Optional.empty(), Set.of(), "Bearer");
    ClientSecret secret =
        new ClientSecret("https://auth.example.com", "client-1", "client_secret_basic", "s");

    assertThatThrownBy(
            () -> RevocationCodec.decode(TokenSetCodec.encode(ORG, ROW, tokens), ORG, CONNECTION))
        .isInstanceOf(InvalidCredentialCiphertextException.class)
        .hasMessageContaining("not a token to revoke");
    assertThatThrownBy(
            () -> RevocationCodec.decode(ClientSecretCodec.encode(ORG, secret), ORG, CONNECTION))
        .isInstanceOf(InvalidCredentialCiphertextException.class);
    assertThatThrownBy(
            () -> TokenSetCodec.decode(RevocationCodec.encode(ORG, CONNECTION, TOKEN), ORG, ROW))
        .isInstanceOf(InvalidCredentialCiphertextException.class);
  }

  @Test
  void its_row_is_neither_the_connections_nor_a_client_secrets_and_its_text_hides_the_token() {
    assertThat(RevocationRow.of(CONNECTION)).isNotEqualTo(CONNECTION.toString());
    assertThat(TOKEN.toString()).doesNotContain("s3cr3t").contains("redacted");
  }
}

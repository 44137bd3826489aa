package io.claribi.credentials.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.credentials.api.ClientSecret;
import io.claribi.credentials.api.ClientSecretId;
import io.claribi.credentials.api.InvalidCredentialCiphertextException;
import io.claribi.credentials.api.TokenSet;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.OrganizationId;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClientSecretCodecTest {

  private static final OrganizationId ORG = new OrganizationId("acme");
  private static final ClientSecret SECRET =
      new ClientSecret("https://auth.example.com", "client-1", "client_secret_basic", "s3cr3t");
  private static final ClientSecretId ID = SECRET.id();

  /** The connection id a token set would need to land in the client secret's row. */
  private static final ConnectionId ROW = new ConnectionId(UUID.fromString(ClientSecretRow.of(ID)));

  @Test
  void a_client_secret_opens_for_its_organization_and_row() {
    byte[] plaintext = ClientSecretCodec.encode(ORG, SECRET);

    assertThat(ClientSecretCodec.decode(plaintext, ORG, ID)).isEqualTo(SECRET);
    assertThat(plaintext).containsOnly((byte) 0);
  }

  @Test
  void it_does_not_open_for_another_organization_or_row() {
    assertThatThrownBy(
            () ->
                ClientSecretCodec.decode(
                    ClientSecretCodec.encode(ORG, SECRET), new OrganizationId("other"), ID))
        .isInstanceOf(InvalidCredentialCiphertextException.class)
        .hasMessageContaining("another registration");
    assertThatThrownBy(
            () ->
                ClientSecretCodec.decode(
                    ClientSecretCodec.encode(ORG, SECRET),
                    ORG,
                    new ClientSecretId("https://other.example.com")))
        .isInstanceOf(InvalidCredentialCiphertextException.class);
  }

  @Test
  void a_token_set_and_a_client_secret_never_open_as_each_other() {
    TokenSet tokens = new TokenSet("at", Optional.of("rt"), Optional.empty(), Set.of(), "Bearer");

    assertThatThrownBy(
            () -> ClientSecretCodec.decode(TokenSetCodec.encode(ORG, ROW, tokens), ORG, ID))
        .isInstanceOf(InvalidCredentialCiphertextException.class)
        .hasMessageContaining("not a client secret");
    assertThatThrownBy(() -> TokenSetCodec.decode(ClientSecretCodec.encode(ORG, SECRET), ORG, ROW))
        .isInstanceOf(InvalidCredentialCiphertextException.class);
  }

  @Test
  void its_text_never_shows_the_secret() {
    assertThat(SECRET.toString()).doesNotContain("s3cr3t").contains("redacted");
  }
}

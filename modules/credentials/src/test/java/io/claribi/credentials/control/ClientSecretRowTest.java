package io.claribi.credentials.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.credentials.api.ClientSecretId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClientSecretRowTest {

  @Test
  void a_client_secret_stays_in_the_row_it_was_stored_in() {
    // MD5 name-based UUID of "oauth-client\n" + issuer: the key of rows stored since decision 22.
    assertThat(ClientSecretRow.of(new ClientSecretId("https://auth.example.com")))
        .isEqualTo("c853f459-b836-36d9-a528-7e2c64f8ae47");
  }

  @Test
  void each_issuer_has_a_name_based_row_of_its_own() {
    String row = ClientSecretRow.of(new ClientSecretId("https://auth.example.com"));

    assertThat(ClientSecretRow.of(new ClientSecretId("https://other.example.com")))
        .isNotEqualTo(row);
    // A connection's id is random (version 4), so the two kinds of row never collide.
    assertThat(UUID.fromString(row).version()).isEqualTo(3);
  }
}

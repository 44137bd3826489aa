package io.claribi.credentials.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.credentials.api.CredentialKeyRemovedException;
import io.claribi.credentials.api.InvalidCredentialCiphertextException;
import io.claribi.credentials.api.TokenSet;
import io.claribi.credentials.control.CredentialSeal.Sealed;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.testing.MovableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sealing with a real key ring read from a real key file that the test replaces. */
class CredentialSealTest {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final OrganizationId ACME = new OrganizationId("acme");
  private static final TokenSet TOKENS =
      new TokenSet(
          "at-secret-1",
          Optional.of("rt-secret-1"),
          Optional.of(Instant.parse("2026-11-25T10:00:00Z")),
          Set.of("read", "search"),
          "Bearer");

  @TempDir Path folder;

  private final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T00:00:00Z"));
  private Path keyFile;
  private KeyRingSource keys;
  private CredentialSeal cut;

  @BeforeEach
  void ring_with_one_key() throws Exception {
    keyFile = Files.writeString(folder.resolve("keys"), FernetKey.generate(RANDOM) + "\n");
    CredentialsConfig config = new CredentialsConfig();
    config.keyFile = Optional.of(keyFile.toString());
    config.devKeyFile = folder.resolve("dev.keys").toString();
    config.keyReloadSeconds = 10;
    keys = new KeyRingSource(config, clock);
    keys.loadAtStartup(null);
    cut = new CredentialSeal(keys, clock);
  }

  @Test
  void a_sealed_token_set_opens_for_its_own_connection() {
    ConnectionId connection = ConnectionId.random();

    Sealed sealed = cut.seal(ACME, connection, TOKENS);

    assertThat(sealed.ciphertext()).doesNotContain("secret");
    assertThat(sealed.keyFingerprint()).isEqualTo(keys.current().primary().fingerprint());
    assertThat(cut.open(ACME, connection, sealed)).isEqualTo(TOKENS);
  }

  @Test
  void a_ciphertext_copied_to_another_connection_or_organization_does_not_open() {
    ConnectionId connection = ConnectionId.random();
    Sealed sealed = cut.seal(ACME, connection, TOKENS);

    assertThatThrownBy(() -> cut.open(ACME, ConnectionId.random(), sealed))
        .isExactlyInstanceOf(InvalidCredentialCiphertextException.class)
        .hasMessageContaining("another connection");
    assertThatThrownBy(() -> cut.open(new OrganizationId("globex"), connection, sealed))
        .isExactlyInstanceOf(InvalidCredentialCiphertextException.class);
  }

  @Test
  void a_new_key_file_is_picked_up_after_the_interval_and_old_rows_still_open() throws Exception {
    ConnectionId connection = ConnectionId.random();
    Sealed underA = cut.seal(ACME, connection, TOKENS);
    String keyB = FernetKey.generate(RANDOM);
    Files.writeString(keyFile, keyB + "\n" + Files.readString(keyFile));

    assertThat(keys.current().size()).as("not before the interval").isEqualTo(1);
    clock.advance(Duration.ofSeconds(10));

    assertThat(keys.current().primary()).isEqualTo(FernetKey.parse(keyB));
    Sealed underB = cut.reseal(underA);
    assertThat(underB.keyFingerprint()).isEqualTo(FernetKey.parse(keyB).fingerprint());
    assertThat(cut.open(ACME, connection, underB)).isEqualTo(TOKENS);
    assertThat(cut.open(ACME, connection, underA)).isEqualTo(TOKENS);
    assertThat(cut.reseal(underB)).as("never encrypted twice").isSameAs(underB);
  }

  @Test
  void a_broken_replacement_file_is_ignored_and_the_previous_ring_stays() throws Exception {
    String before = keys.current().primary().fingerprint();
    Files.writeString(keyFile, "half-pasted-key\n");
    clock.advance(Duration.ofSeconds(10));

    assertThat(keys.current().primary().fingerprint()).isEqualTo(before);
  }

  @Test
  void a_row_whose_key_was_removed_is_reported_not_crashed_on() throws Exception {
    ConnectionId connection = ConnectionId.random();
    Sealed underA = cut.seal(ACME, connection, TOKENS);
    Files.writeString(keyFile, FernetKey.generate(RANDOM) + "\n");
    clock.advance(Duration.ofSeconds(10));

    assertThatThrownBy(() -> cut.open(ACME, connection, underA))
        .isExactlyInstanceOf(CredentialKeyRemovedException.class)
        .hasMessageContaining(underA.keyFingerprint());
    assertThatThrownBy(() -> cut.reseal(underA))
        .isExactlyInstanceOf(CredentialKeyRemovedException.class);
  }

  @Test
  void token_sets_never_show_their_tokens() {
    assertThat(TOKENS.toString()).doesNotContain("secret").contains("read", "Bearer");
  }

  /** A clock the test moves forward. */
}

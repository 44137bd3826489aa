package io.claribi.credentials.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRingLoaderTest {

  private static final SecureRandom RANDOM = new SecureRandom();

  @TempDir Path folder;

  @Test
  void a_mounted_key_file_is_read() throws Exception {
    String key = FernetKey.generate(RANDOM);
    Path file = Files.writeString(folder.resolve("keys"), key + "\n");

    KeyRingLoader.Loaded loaded = loader(Optional.of(file), Optional.empty(), false).load();

    assertThat(loaded.kind()).isEqualTo(KeyRingLoader.Kind.KEY_FILE);
    assertThat(loaded.ring().primary()).isEqualTo(FernetKey.parse(key));
    assertThat(loaded.file()).contains(file);
  }

  @Test
  void the_environment_variable_is_read_when_no_file_is_configured() {
    String key = FernetKey.generate(RANDOM);

    KeyRingLoader.Loaded loaded = loader(Optional.empty(), Optional.of(key), false).load();

    assertThat(loaded.kind()).isEqualTo(KeyRingLoader.Kind.ENVIRONMENT);
    assertThat(loaded.file()).isEmpty();
  }

  @Test
  void no_source_at_all_refuses_to_start_and_says_what_to_set() {
    assertThatThrownBy(() -> loader(Optional.empty(), Optional.empty(), false).load())
        .isInstanceOf(KeyRingException.class)
        .hasMessageContaining("No credential encryption key")
        .hasMessageContaining("CLARIBI_CREDENTIALS_KEY_FILE")
        .hasMessageContaining("CLARIBI_CREDENTIALS_KEYS");
    assertThat(folder.resolve("dev.keys")).doesNotExist();
  }

  @Test
  void a_configured_but_missing_file_refuses_to_start() {
    Path missing = folder.resolve("not-mounted");

    assertThatThrownBy(() -> loader(Optional.of(missing), Optional.empty(), true).load())
        .isInstanceOf(KeyRingException.class)
        .hasMessageContaining("Cannot read the credentials key file " + missing);
  }

  @Test
  void both_a_file_and_the_variable_is_ambiguous_and_refused() throws Exception {
    Path file = Files.writeString(folder.resolve("keys"), FernetKey.generate(RANDOM));

    assertThatThrownBy(
            () -> loader(Optional.of(file), Optional.of(FernetKey.generate(RANDOM)), false).load())
        .hasMessageContaining("set exactly one secret source");
  }

  @Test
  void a_development_key_is_generated_once_owner_readable_only() throws Exception {
    KeyRingLoader.Loaded first = loader(Optional.empty(), Optional.empty(), true).load();
    KeyRingLoader.Loaded second = loader(Optional.empty(), Optional.empty(), true).load();

    assertThat(first.kind()).isEqualTo(KeyRingLoader.Kind.DEVELOPMENT_KEY_FILE);
    assertThat(second.ring().primary()).isEqualTo(first.ring().primary());
    assertThat(Files.getPosixFilePermissions(folder.resolve("security/dev.keys")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void a_reread_file_with_new_content_has_a_new_digest() throws Exception {
    Path file = Files.writeString(folder.resolve("keys"), FernetKey.generate(RANDOM));
    KeyRingLoader.Loaded before = loader(Optional.of(file), Optional.empty(), false).load();

    Files.writeString(file, FernetKey.generate(RANDOM) + "\n" + Files.readString(file));
    KeyRingLoader.Loaded after = KeyRingLoader.reread(before);

    assertThat(after.digest()).isNotEqualTo(before.digest());
    assertThat(after.ring().size()).isEqualTo(2);
    assertThat(after.ring().byFingerprint(before.ring().primary().fingerprint())).isPresent();
  }

  private KeyRingLoader loader(Optional<Path> file, Optional<String> env, boolean devAllowed) {
    return new KeyRingLoader(file, env, devAllowed, folder.resolve("security/dev.keys"), RANDOM);
  }
}

package io.claribi.credentials.control;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.claribi.credentials.api.InvalidCredentialCiphertextException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/**
 * Jazzer fuzz targets. In the normal test run they replay the inputs under {@code
 * src/test/resources/.../FernetFuzzTestInputs}; {@code JAZZER_FUZZ=1} turns them into a fuzzing run
 * (see docs/security.md).
 */
class FernetFuzzTest {

  private static final FernetKey KEY =
      FernetKey.parse("cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=");

  private final Fernet cut = new Fernet(new SecureRandom());

  @FuzzTest(maxDuration = "60s")
  void any_text_opens_or_fails_as_invalid_ciphertext(FuzzedDataProvider data) {
    long now = data.consumeLong();
    int ttl = data.consumeInt(0, Integer.MAX_VALUE);
    String token = data.consumeRemainingAsString();
    try {
      cut.decrypt(KEY, token);
    } catch (InvalidCredentialCiphertextException expected) {
      // the only acceptable failure
    }
    try {
      cut.decrypt(
          KEY,
          token,
          Instant.ofEpochSecond(Math.floorMod(now, 253_402_300_799L)),
          Duration.ofSeconds(ttl));
    } catch (InvalidCredentialCiphertextException expected) {
      // the only acceptable failure
    }
  }

  @FuzzTest(maxDuration = "60s")
  void any_key_text_parses_or_fails_as_illegal_argument(FuzzedDataProvider data) {
    try {
      FernetKey.parse(data.consumeRemainingAsString());
    } catch (IllegalArgumentException expected) {
      // a bad key is refused with a message, at start, never with another exception
    }
  }
}

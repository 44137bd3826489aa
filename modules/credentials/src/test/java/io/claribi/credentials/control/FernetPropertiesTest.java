package io.claribi.credentials.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.macasaet.fernet.Key;
import com.macasaet.fernet.StringValidator;
import com.macasaet.fernet.Token;
import io.claribi.credentials.api.InvalidCredentialCiphertextException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.TemporalAmount;
import java.util.Base64;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/**
 * Whatever is thrown at the decryption, it answers with the plaintext or with the vault's own
 * error; and what we seal, an independent implementation opens.
 */
class FernetPropertiesTest {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ENCODED_KEY = FernetKey.generate(RANDOM);
  private static final FernetKey KEY = FernetKey.parse(ENCODED_KEY);

  private final Fernet cut = new Fernet(RANDOM);

  @Property
  void what_is_sealed_opens_unchanged(@ForAll @Size(max = 4096) byte[] plaintext) {
    String token = cut.encrypt(KEY, plaintext, Instant.now());

    assertThat(cut.decrypt(KEY, token)).isEqualTo(plaintext);
  }

  @Property
  void arbitrary_text_fails_only_as_invalid_ciphertext(
      @ForAll @StringLength(max = 600) String text) {
    assertOnlyInvalidCiphertext(text);
  }

  @Property
  void arbitrary_bytes_in_token_form_fail_only_as_invalid_ciphertext(
      @ForAll @Size(max = 400) byte[] bytes) {
    assertOnlyInvalidCiphertext(Base64.getUrlEncoder().encodeToString(bytes));
  }

  @Property
  void a_token_with_any_one_bit_flipped_is_rejected(
      @ForAll("tokenBytes") byte[] token, @ForAll @IntRange(min = 0, max = 10_000) int position) {
    int bit = position % (token.length * 8);
    token[bit / 8] ^= (byte) (1 << (bit % 8));

    assertThatThrownBy(() -> cut.decrypt(KEY, Base64.getUrlEncoder().encodeToString(token)))
        .isExactlyInstanceOf(InvalidCredentialCiphertextException.class);
  }

  @Property
  void a_truncated_token_is_rejected(
      @ForAll("tokenBytes") byte[] token, @ForAll @IntRange(min = 1, max = 10_000) int cut) {
    int kept = token.length - 1 - (cut % token.length);
    String truncated =
        Base64.getUrlEncoder().encodeToString(java.util.Arrays.copyOf(token, Math.max(kept, 0)));

    assertThatThrownBy(() -> this.cut.decrypt(KEY, truncated))
        .isExactlyInstanceOf(InvalidCredentialCiphertextException.class);
  }

  @Property
  void an_independent_implementation_opens_our_tokens_and_we_open_its(
      @ForAll @StringLength(max = 2048) String plaintext) {
    Key theirKey = new Key(ENCODED_KEY);
    StringValidator anyAge =
        new StringValidator() {
          @Override
          public TemporalAmount getTimeToLive() {
            return Duration.ofDays(365);
          }
        };

    String ours = cut.encrypt(KEY, plaintext.getBytes(StandardCharsets.UTF_8), Instant.now());
    String theirs = Token.generate(RANDOM, theirKey, plaintext).serialise();

    assertThat(Token.fromString(ours).validateAndDecrypt(theirKey, anyAge)).isEqualTo(plaintext);
    assertThat(new String(cut.decrypt(KEY, theirs), StandardCharsets.UTF_8)).isEqualTo(plaintext);
  }

  @Provide
  Arbitrary<byte[]> tokenBytes() {
    return Arbitraries.bytes()
        .array(byte[].class)
        .ofMaxSize(200)
        .map(p -> Base64.getUrlDecoder().decode(cut.encrypt(KEY, p, Instant.now())));
  }

  private void assertOnlyInvalidCiphertext(String text) {
    try {
      cut.decrypt(KEY, text);
      throw new AssertionError("garbage opened as a token: " + text);
    } catch (InvalidCredentialCiphertextException expected) {
      // the one error every bad input must become
    }
  }
}

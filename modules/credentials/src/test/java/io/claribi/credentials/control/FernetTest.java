package io.claribi.credentials.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.credentials.api.InvalidCredentialCiphertextException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class FernetTest {

  private final Fernet cut = new Fernet(new SecureRandom());

  @TestFactory
  Stream<DynamicTest> generates_exactly_the_specification_tokens() {
    return FernetVectors.load("generate.json").stream()
        .map(
            vector ->
                DynamicTest.dynamicTest(
                    vector.getString("src"),
                    () -> {
                      byte[] iv =
                          vector.getJsonArray("iv").getValuesAs(JsonNumber.class).stream()
                              .collect(
                                  java.io.ByteArrayOutputStream::new,
                                  (out, n) -> out.write(n.intValue()),
                                  (a, b) -> a.writeBytes(b.toByteArray()))
                              .toByteArray();
                      String token =
                          cut.encrypt(
                              FernetKey.parse(vector.getString("secret")),
                              vector.getString("src").getBytes(StandardCharsets.UTF_8),
                              FernetVectors.instant(vector, "now"),
                              iv);

                      assertThat(token).isEqualTo(vector.getString("token"));
                    }));
  }

  @TestFactory
  Stream<DynamicTest> verifies_the_specification_tokens() {
    return FernetVectors.load("verify.json").stream()
        .map(
            vector ->
                DynamicTest.dynamicTest(
                    vector.getString("src"),
                    () -> {
                      byte[] plaintext = openWithTtl(vector);

                      assertThat(new String(plaintext, StandardCharsets.UTF_8))
                          .isEqualTo(vector.getString("src"));
                    }));
  }

  @TestFactory
  Stream<DynamicTest> rejects_every_invalid_specification_token() {
    return FernetVectors.load("invalid.json").stream()
        .map(
            vector ->
                DynamicTest.dynamicTest(
                    vector.getString("desc"),
                    () ->
                        assertThatThrownBy(() -> openWithTtl(vector))
                            .isExactlyInstanceOf(InvalidCredentialCiphertextException.class)));
  }

  @Test
  void the_invalid_vectors_cover_the_eight_cases_of_the_specification() {
    assertThat(FernetVectors.load("invalid.json")).hasSize(8);
  }

  @Test
  void a_stored_token_opens_at_any_age_without_a_ttl() {
    FernetKey key = FernetKey.parse(FernetKey.generate(new SecureRandom()));
    String token = cut.encrypt(key, bytes("refresh-me"), Instant.parse("2001-01-01T00:00:00Z"));

    assertThat(cut.decrypt(key, token)).isEqualTo(bytes("refresh-me"));
    assertThat(Fernet.timestampOf(token)).isEqualTo(Instant.parse("2001-01-01T00:00:00Z"));
  }

  @Test
  void the_ttl_edges_follow_the_reference_implementation() {
    FernetKey key = FernetKey.parse(FernetKey.generate(new SecureRandom()));
    Instant stamped = Instant.parse("2026-01-01T00:00:00Z");
    String token = cut.encrypt(key, bytes("x"), stamped);
    Duration ttl = Duration.ofSeconds(60);

    assertThat(cut.decrypt(key, token, stamped.plusSeconds(60), ttl)).isEqualTo(bytes("x"));
    assertThatThrownBy(() -> cut.decrypt(key, token, stamped.plusSeconds(61), ttl))
        .hasMessageContaining("expired");
    assertThat(cut.decrypt(key, token, stamped.minusSeconds(60), ttl)).isEqualTo(bytes("x"));
    assertThatThrownBy(() -> cut.decrypt(key, token, stamped.minusSeconds(61), ttl))
        .hasMessageContaining("future");
  }

  @Test
  void a_token_sealed_under_another_key_is_rejected_before_decryption() {
    SecureRandom random = new SecureRandom();
    FernetKey a = FernetKey.parse(FernetKey.generate(random));
    FernetKey b = FernetKey.parse(FernetKey.generate(random));

    String token = cut.encrypt(a, bytes("secret"), Instant.now());

    assertThatThrownBy(() -> cut.decrypt(b, token))
        .isExactlyInstanceOf(InvalidCredentialCiphertextException.class)
        .hasMessageContaining("signature");
  }

  @Test
  void an_oversized_token_is_rejected_without_decoding() {
    FernetKey key = FernetKey.parse(FernetKey.generate(new SecureRandom()));

    assertThatThrownBy(() -> cut.decrypt(key, "A".repeat(Fernet.MAX_TOKEN_CHARS + 4)))
        .isExactlyInstanceOf(InvalidCredentialCiphertextException.class)
        .hasMessageContaining("longer than");
  }

  private byte[] openWithTtl(JsonObject vector) {
    return cut.decrypt(
        FernetKey.parse(vector.getString("secret")),
        vector.getString("token"),
        FernetVectors.instant(vector, "now"),
        Duration.ofSeconds(vector.getInt("ttl_sec")));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

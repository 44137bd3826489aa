package io.claribi.credentials.control;

import io.claribi.credentials.api.InvalidCredentialCiphertextException;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.util.Arrays;

/** Reads the JSON inside an opened ciphertext and clears the plaintext, for every codec. */
final class Plaintexts {

  /** Looked up once: {@code Json.createReader} searches the class path on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private Plaintexts() {}

  /**
   * @param what what the plaintext should be ("a token set"), for the error
   * @throws InvalidCredentialCiphertextException if it is not a JSON object
   */
  static JsonObject readAndClear(byte[] plaintext, String what) {
    try {
      return JSON.createReader(new ByteArrayInputStream(plaintext)).readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new InvalidCredentialCiphertextException("the plaintext is not " + what);
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }
}

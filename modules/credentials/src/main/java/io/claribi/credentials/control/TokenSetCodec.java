package io.claribi.credentials.control;

import io.claribi.credentials.api.InvalidCredentialCiphertextException;
import io.claribi.credentials.api.TokenSet;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.OrganizationId;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The plaintext inside a sealed credential: the token set plus the organization and connection it
 * belongs to. Fernet has no associated data, so the owner travels inside the ciphertext and is
 * checked on every open: a ciphertext copied onto another row does not open there.
 */
final class TokenSetCodec {

  private static final int FORMAT = 1;

  /** Looked up once: {@code Json.createReader} searches the class path on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private TokenSetCodec() {}

  static byte[] encode(OrganizationId organization, ConnectionId connection, TokenSet tokens) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject()
          .write("v", FORMAT)
          .write("org", organization.value())
          .write("connection", connection.toString())
          .write("access_token", tokens.accessToken())
          .write("token_type", tokens.tokenType())
          .write("scope", String.join(" ", tokens.scopes()));
      tokens.refreshToken().ifPresent(refresh -> json.write("refresh_token", refresh));
      tokens.expiresAt().ifPresent(expiry -> json.write("expires_at", expiry.toEpochMilli()));
      json.writeEnd();
    }
    return out.toByteArray();
  }

  /** Reads a plaintext and clears it. */
  static TokenSet decode(byte[] plaintext, OrganizationId organization, ConnectionId connection) {
    JsonObject json = Plaintexts.readAndClear(plaintext, "a token set");
    try {
      if (json.getInt("v") != FORMAT) {
        throw new InvalidCredentialCiphertextException("unknown token set format");
      }
      if (!organization.value().equals(json.getString("org"))
          || !connection.toString().equals(json.getString("connection"))) {
        throw new InvalidCredentialCiphertextException("it was sealed for another connection");
      }
      String scope = json.getString("scope");
      Set<String> scopes =
          scope.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(scope.split(" ")));
      return new TokenSet(
          json.getString("access_token"),
          Optional.ofNullable(json.get("refresh_token"))
              .map(value -> ((JsonString) value).getString()),
          json.containsKey("expires_at")
              ? Optional.of(Instant.ofEpochMilli(json.getJsonNumber("expires_at").longValueExact()))
              : Optional.empty(),
          scopes,
          json.getString("token_type"));
    } catch (NullPointerException | ClassCastException | ArithmeticException e) {
      throw new InvalidCredentialCiphertextException("the token set is incomplete");
    } catch (IllegalArgumentException e) {
      throw new InvalidCredentialCiphertextException("the token set is invalid");
    }
  }
}

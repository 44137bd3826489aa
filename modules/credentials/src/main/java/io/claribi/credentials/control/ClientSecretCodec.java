package io.claribi.credentials.control;

import io.claribi.credentials.api.ClientSecret;
import io.claribi.credentials.api.ClientSecretId;
import io.claribi.credentials.api.InvalidCredentialCiphertextException;
import io.claribi.platform.api.OrganizationId;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;

/**
 * The plaintext inside a sealed client secret: the registration and the organization and row id
 * ({@link ClientSecretRow}) it belongs to, checked on every open like a token set's owner. Its
 * {@code kind} keeps it apart from token sets: neither opens as the other.
 */
final class ClientSecretCodec {

  private static final int FORMAT = 1;
  private static final String KIND = "client_secret";
  private static final JsonProvider JSON = JsonProvider.provider();

  private ClientSecretCodec() {}

  static byte[] encode(OrganizationId organization, ClientSecret secret) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject()
          .write("v", FORMAT)
          .write("kind", KIND)
          .write("org", organization.value())
          .write("row", ClientSecretRow.of(secret.id()))
          .write("issuer", secret.issuer())
          .write("client_id", secret.clientId())
          .write("auth_method", secret.authMethod())
          .write("secret", secret.secret())
          .writeEnd();
    }
    return out.toByteArray();
  }

  /** Reads a plaintext and clears it. */
  static ClientSecret decode(byte[] plaintext, OrganizationId organization, ClientSecretId id) {
    JsonObject json = Plaintexts.readAndClear(plaintext, "a client secret");
    try {
      if (json.getInt("v") != FORMAT || !KIND.equals(json.getString("kind", ""))) {
        throw new InvalidCredentialCiphertextException("the plaintext is not a client secret");
      }
      if (!organization.value().equals(json.getString("org"))
          || !ClientSecretRow.of(id).equals(json.getString("row"))) {
        throw new InvalidCredentialCiphertextException("it was sealed for another registration");
      }
      return new ClientSecret(
          json.getString("issuer"),
          json.getString("client_id"),
          json.getString("auth_method"),
          json.getString("secret"));
    } catch (NullPointerException | ClassCastException e) {
      throw new InvalidCredentialCiphertextException("the client secret is incomplete");
    } catch (IllegalArgumentException e) {
      throw new InvalidCredentialCiphertextException("the client secret is invalid");
    }
  }
}

package io.claribi.credentials.control;

import io.claribi.credentials.api.InvalidCredentialCiphertextException;
import io.claribi.credentials.api.TokenToRevoke;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.OrganizationId;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;

/**
 * The plaintext inside a sealed token awaiting revocation: the token, its kind and the organization
 * and row id ({@link RevocationRow}) it belongs to, checked on every open like a token set's owner.
 * Its {@code kind} keeps it apart from token sets and client secrets: none opens as another.
 */
final class RevocationCodec {

  private static final int FORMAT = 1;
  private static final String KIND = "revocation";
  private static final JsonProvider JSON = JsonProvider.provider();

  private RevocationCodec() {}

  static byte[] encode(OrganizationId organization, ConnectionId connection, TokenToRevoke token) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject()
          .write("v", FORMAT)
          .write("kind", KIND)
          .write("org", organization.value())
          .write("row", RevocationRow.of(connection))
          .write("token_kind", token.kind().name())
          .write("token", token.value())
          .writeEnd();
    }
    return out.toByteArray();
  }

  /** Reads a plaintext and clears it. */
  static TokenToRevoke decode(
      byte[] plaintext, OrganizationId organization, ConnectionId connection) {
    JsonObject json = Plaintexts.readAndClear(plaintext, "a token to revoke");
    try {
      if (json.getInt("v") != FORMAT || !KIND.equals(json.getString("kind", ""))) {
        throw new InvalidCredentialCiphertextException("the plaintext is not a token to revoke");
      }
      if (!organization.value().equals(json.getString("org"))
          || !RevocationRow.of(connection).equals(json.getString("row"))) {
        throw new InvalidCredentialCiphertextException("it was sealed for another connection");
      }
      return new TokenToRevoke(
          json.getString("token"), TokenToRevoke.Kind.valueOf(json.getString("token_kind")));
    } catch (NullPointerException | ClassCastException e) {
      throw new InvalidCredentialCiphertextException("the token to revoke is incomplete");
    } catch (IllegalArgumentException e) {
      throw new InvalidCredentialCiphertextException("the token to revoke is invalid");
    }
  }
}

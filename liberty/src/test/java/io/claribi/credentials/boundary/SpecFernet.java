package io.claribi.credentials.boundary;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Fernet decryption written from the specification for the tests, independent of the product's
 * class: split the key, check the HMAC over everything before it, decrypt AES-128-CBC.
 */
final class SpecFernet {

  private SpecFernet() {}

  /** The plaintext, or empty if this key did not make the token. */
  static Optional<byte[]> open(String base64Key, String token) throws Exception {
    byte[] key = Base64.getUrlDecoder().decode(base64Key.strip());
    byte[] data = Base64.getUrlDecoder().decode(token);
    if (key.length != 32 || data[0] != (byte) 0x80) {
      return Optional.empty();
    }
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Arrays.copyOfRange(key, 0, 16), "HmacSHA256"));
    byte[] expected = mac.doFinal(Arrays.copyOfRange(data, 0, data.length - 32));
    if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(data, data.length - 32, data.length))) {
      return Optional.empty();
    }
    Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
    aes.init(
        Cipher.DECRYPT_MODE,
        new SecretKeySpec(Arrays.copyOfRange(key, 16, 32), "AES"),
        new IvParameterSpec(Arrays.copyOfRange(data, 9, 25)));
    return Optional.of(aes.doFinal(Arrays.copyOfRange(data, 25, data.length - 32)));
  }

  /**
   * The documented fingerprint: 16 hex digits of SHA-256("claribi fernet key fingerprint v1\0" +
   * key).
   */
  static String fingerprint(String base64Key) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(
        "claribi fernet key fingerprint v1\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    byte[] digest = sha.digest(Base64.getUrlDecoder().decode(base64Key.strip()));
    return java.util.HexFormat.of().formatHex(digest, 0, 8);
  }

  /** The token's embedded timestamp, for a sanity check that it is a Fernet token at all. */
  static long timestamp(String token) {
    return ByteBuffer.wrap(Base64.getUrlDecoder().decode(token), 1, 8).getLong();
  }
}

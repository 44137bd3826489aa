package io.claribi.credentials.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.spec.SecretKeySpec;

/**
 * One Fernet key: 32 bytes, the first half signs (HMAC-SHA256), the second half encrypts (AES-128).
 *
 * <p>It is known to logs and operators only by its {@link #fingerprint()}; {@code toString} never
 * shows key material.
 */
public final class FernetKey {

  /** Raw key length required by the Fernet specification. */
  public static final int LENGTH = 32;

  /** Separates our fingerprint hash from any other use of SHA-256 over the same bytes. */
  private static final byte[] FINGERPRINT_DOMAIN =
      "claribi fernet key fingerprint v1\0".getBytes(StandardCharsets.US_ASCII);

  private final SecretKeySpec signingKey;
  private final SecretKeySpec encryptionKey;
  private final String fingerprint;

  private FernetKey(byte[] raw) {
    this.signingKey = new SecretKeySpec(raw, 0, 16, "HmacSHA256");
    this.encryptionKey = new SecretKeySpec(raw, 16, 16, "AES");
    this.fingerprint = fingerprintOf(raw);
  }

  /**
   * Reads a key in the specification's text form: URL-safe base64 of 32 bytes.
   *
   * @throws IllegalArgumentException with a message that never repeats the input
   */
  public static FernetKey parse(String encoded) {
    String text = encoded == null ? "" : encoded.strip();
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("is not URL-safe base64");
    }
    try {
      if (raw.length != LENGTH) {
        throw new IllegalArgumentException(
            "decodes to " + raw.length + " bytes; a Fernet key has exactly " + LENGTH);
      }
      return new FernetKey(raw);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /** A new random key in the specification's text form, for development and tests. */
  public static String generate(SecureRandom random) {
    byte[] raw = new byte[LENGTH];
    random.nextBytes(raw);
    try {
      return Base64.getUrlEncoder().encodeToString(raw);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /**
   * 16 hex digits of SHA-256 over a domain tag and the key: enough to tell keys apart in a ring,
   * useless for recovering the key.
   */
  public String fingerprint() {
    return fingerprint;
  }

  SecretKeySpec signingKey() {
    return signingKey;
  }

  SecretKeySpec encryptionKey() {
    return encryptionKey;
  }

  private static String fingerprintOf(byte[] raw) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(FINGERPRINT_DOMAIN);
      byte[] digest = sha256.digest(raw);
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FernetKey key && key.fingerprint.equals(fingerprint);
  }

  @Override
  public int hashCode() {
    return fingerprint.hashCode();
  }

  @Override
  public String toString() {
    return "FernetKey[" + fingerprint + "]";
  }
}

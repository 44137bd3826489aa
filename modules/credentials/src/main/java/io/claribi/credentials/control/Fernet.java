package io.claribi.credentials.control;

import io.claribi.credentials.api.InvalidCredentialCiphertextException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;

/**
 * Fernet tokens exactly as the specification defines them: {@code 0x80 | timestamp | IV |
 * AES-128-CBC(PKCS#7) ciphertext | HMAC-SHA256}, URL-safe base64.
 *
 * <p>Built on the JDK's own primitives (see decision 0007). The MAC is checked, in constant time,
 * before anything is decrypted, and every way a token can be wrong becomes an {@link
 * InvalidCredentialCiphertextException}.
 */
public final class Fernet {

  /** Longest token text we accept; a token set is a few kilobytes, so this is generous. */
  public static final int MAX_TOKEN_CHARS = 256 * 1024;

  /** Largest plaintext we seal, so every token we write is one we can read back. */
  public static final int MAX_PLAINTEXT_BYTES = (MAX_TOKEN_CHARS / 4 * 3) - 128;

  /** The specification's (and the Python reference's) allowance for clocks running ahead. */
  static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);

  private static final byte VERSION = (byte) 0x80;
  private static final int TIMESTAMP_BYTES = 8;
  private static final int IV_BYTES = 16;
  private static final int BLOCK_BYTES = 16;
  private static final int HMAC_BYTES = 32;
  private static final int HEADER_BYTES = 1 + TIMESTAMP_BYTES + IV_BYTES;
  private static final int MIN_TOKEN_BYTES = HEADER_BYTES + BLOCK_BYTES + HMAC_BYTES;

  /**
   * One HMAC and one AES-CBC engine per thread: looking them up costs more than the work on a token
   * set. Each use initialises them with its key, so nothing carries over between calls.
   */
  private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> engine(Mac.class));

  private static final ThreadLocal<Cipher> AES =
      ThreadLocal.withInitial(() -> engine(Cipher.class));

  private final SecureRandom random;

  public Fernet(SecureRandom random) {
    this.random = random;
  }

  /** Seals {@code plaintext} under {@code key} with a fresh random IV, stamped {@code now}. */
  public String encrypt(FernetKey key, byte[] plaintext, Instant now) {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    return encrypt(key, plaintext, now, iv);
  }

  /** Seals with a given IV: only the specification's fixed-IV test vectors need this. */
  String encrypt(FernetKey key, byte[] plaintext, Instant now, byte[] iv) {
    if (plaintext.length > MAX_PLAINTEXT_BYTES) {
      throw new IllegalArgumentException(
          "plaintext of " + plaintext.length + " bytes exceeds " + MAX_PLAINTEXT_BYTES);
    }
    try {
      Cipher aes = AES.get();
      aes.init(Cipher.ENCRYPT_MODE, key.encryptionKey(), new IvParameterSpec(iv));
      int cipherLength = aes.getOutputSize(plaintext.length);
      ByteBuffer token = ByteBuffer.allocate(HEADER_BYTES + cipherLength + HMAC_BYTES);
      token.put(VERSION).putLong(now.getEpochSecond()).put(iv);
      aes.doFinal(ByteBuffer.wrap(plaintext), token);
      Mac hmac = HMAC.get();
      hmac.init(key.signingKey());
      hmac.update(token.array(), 0, token.position());
      token.put(hmac.doFinal());
      return Base64.getUrlEncoder().encodeToString(token.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-CBC and HMAC-SHA256 are part of every Java runtime", e);
    }
  }

  /**
   * Opens a token of any age: stored credentials carry their own expiry inside, so the token's
   * timestamp is not a validity limit here.
   */
  public byte[] decrypt(FernetKey key, String token) {
    return open(key, decode(token));
  }

  /**
   * Opens a token that must also be younger than {@code ttl} at {@code now} and not stamped more
   * than a minute in the future, the way the specification's verification vectors expect.
   */
  public byte[] decrypt(FernetKey key, String token, Instant now, Duration ttl) {
    byte[] bytes = decode(token);
    long stamped = ByteBuffer.wrap(bytes, 1, TIMESTAMP_BYTES).getLong();
    if (stamped + ttl.getSeconds() < now.getEpochSecond()) {
      throw new InvalidCredentialCiphertextException("token has expired");
    }
    if (now.plus(MAX_CLOCK_SKEW).getEpochSecond() < stamped) {
      throw new InvalidCredentialCiphertextException("token is stamped in the future");
    }
    return open(key, bytes);
  }

  /** The timestamp a well-formed token carries, without checking its MAC. */
  public static Instant timestampOf(String token) {
    return Instant.ofEpochSecond(ByteBuffer.wrap(decode(token), 1, TIMESTAMP_BYTES).getLong());
  }

  private static <T> T engine(Class<T> type) {
    try {
      return type.cast(
          type == Mac.class
              ? Mac.getInstance("HmacSHA256")
              : Cipher.getInstance("AES/CBC/PKCS5Padding"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-CBC and HMAC-SHA256 are part of every Java runtime", e);
    }
  }

  private static byte[] decode(String token) {
    if (token == null || token.isEmpty()) {
      throw new InvalidCredentialCiphertextException("empty");
    }
    if (token.length() > MAX_TOKEN_CHARS) {
      throw new InvalidCredentialCiphertextException("longer than " + MAX_TOKEN_CHARS + " chars");
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(token.getBytes(StandardCharsets.ISO_8859_1));
    } catch (IllegalArgumentException e) {
      throw new InvalidCredentialCiphertextException("not URL-safe base64");
    }
    if (bytes.length < MIN_TOKEN_BYTES) {
      throw new InvalidCredentialCiphertextException("too short");
    }
    if ((bytes.length - HEADER_BYTES - HMAC_BYTES) % BLOCK_BYTES != 0) {
      throw new InvalidCredentialCiphertextException("ciphertext is not whole AES blocks");
    }
    if (bytes[0] != VERSION) {
      throw new InvalidCredentialCiphertextException("unknown version");
    }
    return bytes;
  }

  private static byte[] open(FernetKey key, byte[] bytes) {
    int signedLength = bytes.length - HMAC_BYTES;
    try {
      Mac hmac = HMAC.get();
      hmac.init(key.signingKey());
      hmac.update(bytes, 0, signedLength);
      byte[] expected = hmac.doFinal();
      byte[] actual = Arrays.copyOfRange(bytes, signedLength, bytes.length);
      if (!MessageDigest.isEqual(expected, actual)) {
        throw new InvalidCredentialCiphertextException("signature does not match");
      }
      Cipher aes = AES.get();
      aes.init(
          Cipher.DECRYPT_MODE,
          key.encryptionKey(),
          new IvParameterSpec(bytes, 1 + TIMESTAMP_BYTES, IV_BYTES));
      return aes.doFinal(bytes, HEADER_BYTES, signedLength - HEADER_BYTES);
    } catch (javax.crypto.BadPaddingException | javax.crypto.IllegalBlockSizeException e) {
      throw new InvalidCredentialCiphertextException("padding is invalid");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-CBC and HMAC-SHA256 are part of every Java runtime", e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}

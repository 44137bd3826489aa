package io.claribi.devtokens;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The development signing key pair: {@code private.pem} (PKCS#8) and {@code public.pem} (X.509),
 * generated once into a build folder and reused, so tokens minted later still verify.
 */
public final class DevKeys {

  public static final String PRIVATE = "private.pem";
  public static final String PUBLIC = "public.pem";

  private final RSAPrivateKey privateKey;
  private final RSAPublicKey publicKey;

  private DevKeys(RSAPrivateKey privateKey, RSAPublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /** Reads the pair from {@code dir}, generating it first if it is not there. */
  public static synchronized DevKeys inFolder(Path dir)
      throws IOException, GeneralSecurityException {
    if (!Files.exists(dir.resolve(PRIVATE)) || !Files.exists(dir.resolve(PUBLIC))) {
      generate(dir);
    }
    return read(dir);
  }

  public static DevKeys read(Path dir) throws IOException, GeneralSecurityException {
    KeyFactory rsa = KeyFactory.getInstance("RSA");
    var privateKey =
        (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(pemBody(dir.resolve(PRIVATE))));
    var publicKey =
        (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(pemBody(dir.resolve(PUBLIC))));
    return new DevKeys(privateKey, publicKey);
  }

  public RSAPrivateKey privateKey() {
    return privateKey;
  }

  public RSAPublicKey publicKey() {
    return publicKey;
  }

  private static void generate(Path dir) throws IOException, GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    Files.createDirectories(dir);
    write(dir.resolve(PRIVATE), "PRIVATE KEY", pair.getPrivate().getEncoded());
    write(dir.resolve(PUBLIC), "PUBLIC KEY", pair.getPublic().getEncoded());
  }

  private static void write(Path file, String type, byte[] der) throws IOException {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    Files.writeString(
        file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
  }

  private static byte[] pemBody(Path file) throws IOException {
    String text = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(text);
  }
}

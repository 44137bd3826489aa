package io.claribi.devtokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mints development tokens that the server started by the Liberty Maven plugin accepts.
 *
 * <p>{@code mvn -q -f modules/dev-tokens exec:java -Dorg=acme -Dgroups=org-admin} prints one. The
 * issuer {@value #ISSUER} is trusted only through the plugin's {@code server.env}, never by the
 * WAR's own configuration.
 */
public final class DevTokens {

  public static final String ISSUER = "urn:claribi:dev-only";
  public static final String AUDIENCE = "claribi";

  private final DevKeys keys;

  public DevTokens(DevKeys keys) {
    this.keys = keys;
  }

  /** A builder pre-filled with a valid token for {@code org} and {@code groups}. */
  public JWTClaimsSet.Builder claims(
      String subject, String org, List<String> groups, Duration lifetime) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder builder =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .subject(subject)
            .claim("upn", subject)
            .claim("groups", groups)
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(lifetime)));
    return org == null ? builder : builder.claim("org", org);
  }

  /** Signs the claims with the development private key (RS256). */
  public String sign(JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .type(JOSEObjectType.JWT)
                  .keyID("dev")
                  .build(),
              claims);
      jwt.sign(new RSASSASigner(keys.privateKey()));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a development token", e);
    }
  }

  public String mint(String subject, String org, List<String> groups, Duration lifetime) {
    return sign(claims(subject, org, groups, lifetime).build());
  }

  /** Prints one token; with {@code --generate-only} just makes sure the key pair exists. */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      String[] pair = arg.replaceFirst("^--", "").split("=", 2);
      if (pair.length == 1 || !pair[1].isBlank()) { // an empty Maven property means "default"
        options.put(pair[0], pair.length > 1 ? pair[1] : "true");
      }
    }
    Path dir = Path.of(options.getOrDefault("keys", "liberty/target/dev-keys"));
    DevKeys keys = DevKeys.inFolder(dir);
    if (options.containsKey("generate-only")) {
      System.out.println("Development key pair in " + dir.toAbsolutePath().normalize());
      return;
    }
    String org = options.getOrDefault("org", "demo");
    List<String> groups = Arrays.asList(options.getOrDefault("groups", "org-admin").split(","));
    String subject = options.getOrDefault("sub", "dev-admin@" + org);
    long minutes = Long.parseLong(options.getOrDefault("minutes", "60"));
    System.out.println(new DevTokens(keys).mint(subject, org, groups, Duration.ofMinutes(minutes)));
  }
}

package io.claribi.credentials.control;

import io.claribi.credentials.api.TokenSet;
import io.claribi.credentials.control.CredentialSeal.Sealed;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.OrganizationId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sealing and opening a realistic token set (about 2 KB of plaintext: a JWT access token, an
 * opaque refresh token, scopes) through the production path: live key ring, codec, Fernet.
 *
 * <p>With 5 keys the row is sealed under the <em>oldest</em> key, the worst case for a ring that
 * tried keys in turn; ours looks the key up by fingerprint.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class CredentialSealBenchmark {

  private static final OrganizationId ORGANIZATION = new OrganizationId("benchmark-org");
  private static final ConnectionId CONNECTION = ConnectionId.random();

  @Param({"1", "5"})
  int keys;

  private CredentialSeal seal;
  private TokenSet tokens;
  private Sealed sealed;
  private Path folder;
  private final Fernet fernet = new Fernet(new SecureRandom());
  private FernetKey oldestKey;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    SecureRandom random = new SecureRandom();
    folder = Files.createTempDirectory("claribi-bench");
    Path keyFile = folder.resolve("keys");
    List<String> ring = new ArrayList<>();
    for (int i = 0; i < keys; i++) {
      ring.add(FernetKey.generate(random));
    }
    tokens = realisticTokenSet(random);

    // Seal under the oldest key first, then load the full ring newest-first.
    oldestKey = FernetKey.parse(ring.get(ring.size() - 1));
    Files.writeString(keyFile, ring.get(ring.size() - 1) + "\n");
    CredentialSeal oldest = sealWith(keyFile);
    sealed = oldest.seal(ORGANIZATION, CONNECTION, tokens);

    Files.writeString(keyFile, String.join("\n", ring) + "\n");
    seal = sealWith(keyFile);
    if (seal.fingerprints().size() != keys) {
      throw new IllegalStateException("ring not loaded");
    }
  }

  @Benchmark
  public Sealed encrypt() {
    return seal.seal(ORGANIZATION, CONNECTION, tokens);
  }

  @Benchmark
  public TokenSet decrypt() {
    return seal.open(ORGANIZATION, CONNECTION, sealed);
  }

  /** The cipher alone (HMAC check and AES-CBC), without the key lookup and the JSON codec. */
  @Benchmark
  public byte[] fernetDecryptOnly() {
    return fernet.decrypt(oldestKey, sealed.ciphertext());
  }

  /** Plaintext size of the token set, for the report. */
  public static void main(String[] args) {
    System.out.println(
        TokenSetCodec.encode(ORGANIZATION, CONNECTION, realisticTokenSet(new SecureRandom()))
                .length
            + " bytes of plaintext");
  }

  private static CredentialSeal sealWith(Path keyFile) {
    CredentialsConfig config = new CredentialsConfig();
    config.keyFile = Optional.of(keyFile.toString());
    config.devKeyFile = keyFile.resolveSibling("unused").toString();
    config.keyReloadSeconds = 0;
    KeyRingSource source = new KeyRingSource(config, Clock.systemUTC());
    source.loadAtStartup(null);
    return new CredentialSeal(source, Clock.systemUTC());
  }

  /** A 1.5 KB JWT-shaped access token, a 300-character refresh token and six scopes. */
  private static TokenSet realisticTokenSet(SecureRandom random) {
    return new TokenSet(
        "eyJhbGciOiJSUzI1NiJ9." + base64(random, 1100) + "." + base64(random, 256),
        Optional.of(base64(random, 225)),
        Optional.of(Instant.now().plusSeconds(3600)),
        Set.of(
            "read_only",
            "customers:read",
            "invoices:read",
            "charges:read",
            "subscriptions:read",
            "reports:read"),
        "Bearer");
  }

  private static String base64(SecureRandom random, int bytes) {
    byte[] raw = new byte[bytes];
    random.nextBytes(raw);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }
}

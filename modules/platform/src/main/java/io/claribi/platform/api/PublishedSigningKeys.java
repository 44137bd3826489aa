package io.claribi.platform.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether the key that signed a bearer token is still one the identity provider publishes.
 *
 * <p>Liberty's MicroProfile JWT fetches the provider's JWKS when a token names a key it has not
 * seen, so a rotation's new key works at once; but it keeps every key it ever fetched until the
 * server restarts, so a token signed with a key the provider has since removed (compromised,
 * retired) would be accepted for as long as it lives. This closes that gap (decision 49): the key
 * ids of the provider's JWKS, read again at least every {@code claribi.token.jwks-refresh}, and at
 * once (at most every {@link #MIN_REFETCH}) when a verified token names a key id not in the last
 * read. A token whose key id a read listed and a later read did not is treated as no token (401).
 *
 * <p>It only applies when the key location ({@code mp.jwt.verify.publickey.location}) is an {@code
 * http(s)} URL: an inline key or a file has no publisher to ask. If the provider cannot be reached,
 * the last list read stays in force (and a warning is logged): the API does not go down with the
 * provider, and a removed key is refused once the provider answers again.
 */
@ApplicationScoped
public class PublishedSigningKeys {

  public static final String REFRESH = "claribi.token.jwks-refresh";
  static final Duration MIN_REFETCH = Duration.ofSeconds(5);

  private static final Logger LOG = Logger.getLogger(PublishedSigningKeys.class.getName());
  private static final JsonProvider JSON = JsonProvider.provider();

  private final Optional<URI> jwks;
  private final Duration refresh;
  private final Clock clock;
  private final HttpClient http;

  private volatile Read last; // null until the first read
  // key ids a read listed and a later one did not: refused without asking again
  private final Set<String> retired = ConcurrentHashMap.newKeySet();
  private final ReentrantLock reading = new ReentrantLock();

  /** One reading of the JWKS: its key ids (null if it failed before any succeeded), and when. */
  private record Read(Set<String> ids, Instant at) {}

  protected PublishedSigningKeys() {
    this(Optional.empty(), Duration.ofMinutes(5), Clock.systemUTC()); // for the CDI proxy
  }

  @Inject
  public PublishedSigningKeys(
      @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> location,
      @ConfigProperty(name = REFRESH, defaultValue = "PT5M") Duration refresh) {
    this(
        location.filter(PublishedSigningKeys::isHttp).map(URI::create), refresh, Clock.systemUTC());
  }

  PublishedSigningKeys(Optional<URI> jwks, Duration refresh, Clock clock) {
    if (refresh.isNegative() || refresh.isZero()) {
      throw new IllegalArgumentException(REFRESH + " must be positive, not " + refresh);
    }
    this.jwks = jwks;
    this.refresh = refresh;
    this.clock = clock;
    // only with a provider to ask: a client starts a selector thread of its own
    this.http =
        jwks.isPresent()
            ? HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
            : null;
  }

  private static final PublishedSigningKeys NONE =
      new PublishedSigningKeys(Optional.empty(), Duration.ofMinutes(5), Clock.systemUTC());

  /** No provider to ask: an inline key, a key file, or a caller built without the container. */
  public static PublishedSigningKeys none() {
    return NONE;
  }

  private static boolean isHttp(String location) {
    String lower = location.trim().toLowerCase(Locale.ROOT);
    return lower.startsWith("https://") || lower.startsWith("http://");
  }

  /**
   * True unless the provider's JWKS is known and no longer lists the key that signed this (already
   * verified) token. A token without a key id cannot be checked and passes.
   */
  public boolean stillPublished(String rawToken) {
    if (jwks.isEmpty()) {
      return true;
    }
    Optional<String> kid = keyId(rawToken);
    if (kid.isEmpty()) {
      return true;
    }
    Instant now = clock.instant();
    Read read = last;
    if (read == null) {
      read = reread(now, true);
    } else if (now.isAfter(read.at().plus(refresh))) {
      // due: one request reads again, the others go on with the last read meanwhile
      read = reread(now, false);
    }
    if (read.ids() == null || read.ids().contains(kid.get())) {
      return true;
    }
    if (retired.contains(kid.get())) {
      return false;
    }
    // A key id never read here, on a token Liberty verified: Liberty fetched that key from the
    // provider just now (a rotation). Read again to be sure, unless a read was just made; then
    // Liberty's fetch is the newest word and the token passes.
    if (now.isAfter(read.at().plus(MIN_REFETCH))) {
      read = reread(now, true);
      if (read.ids() != null && !read.ids().contains(kid.get())) {
        retired.add(kid.get()); // not published even now: not asked again for it
        return false;
      }
    }
    return true;
  }

  private Read reread(Instant asOf, boolean wait) {
    if (wait) {
      reading.lock();
    } else if (!reading.tryLock()) {
      return last;
    }
    try {
      Read current = last;
      if (current != null && !current.at().isBefore(asOf)) {
        return current; // another request read it meanwhile
      }
      Set<String> ids = fetch();
      if (ids != null && current != null && current.ids() != null) {
        retired.addAll(current.ids()); // listed before, gone now: removed by the provider
      }
      if (ids != null) {
        retired.removeAll(ids);
      }
      Read fresh =
          new Read(ids != null ? ids : current == null ? null : current.ids(), clock.instant());
      last = fresh;
      return fresh;
    } finally {
      reading.unlock();
    }
  }

  /** The JWKS's key ids, or null when it cannot be read (the last read then stays in force). */
  private Set<String> fetch() {
    try {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(jwks.get()).timeout(Duration.ofSeconds(5)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() == 200) {
        return keyIds(answer.body());
      }
      LOG.warning(
          "The identity provider's JWKS "
              + jwks.get()
              + " answered "
              + answer.statusCode()
              + "; the key ids read before stay in force.");
    } catch (IOException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "The identity provider's JWKS "
              + jwks.get()
              + " could not be read ("
              + e
              + "); the key ids read before stay in force.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return null;
  }

  static Set<String> keyIds(String jwksJson) {
    Set<String> ids = new HashSet<>();
    try (var reader = JSON.createReader(new StringReader(jwksJson))) {
      for (JsonValue key : reader.readObject().getJsonArray("keys")) {
        if (key instanceof JsonObject jwk && jwk.get("kid") instanceof JsonString kid) {
          ids.add(kid.getString());
        }
      }
    }
    return Set.copyOf(ids);
  }

  /** The {@code kid} of a compact JWS's protected header, if it has one. */
  static Optional<String> keyId(String rawToken) {
    int dot = rawToken == null ? -1 : rawToken.indexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    try {
      String header =
          new String(
              Base64.getUrlDecoder().decode(rawToken.substring(0, dot)), StandardCharsets.UTF_8);
      try (var reader = JSON.createReader(new StringReader(header))) {
        return reader.readObject().get("kid") instanceof JsonString kid
            ? Optional.of(kid.getString())
            : Optional.empty();
      }
    } catch (RuntimeException unreadable) {
      return Optional.empty(); // Liberty verified it; nothing more to learn here
    }
  }
}

package io.claribi.connections.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settings of the connect flow; keys work as environment variables too (e.g. {@code
 * CLARIBI_CONNECTIONS_PUBLIC_URL}); see docs/operations.md.
 */
@ApplicationScoped
public class ConnectSettings {

  static final String PUBLIC_URL = "claribi.connections.public-url";
  static final String RETURN_ORIGINS = "claribi.connections.return-origins";
  static final String ATTEMPT_LIFETIME = "claribi.connections.attempt-lifetime";
  static final String CLIENT_METADATA_URL = "claribi.connections.client-metadata-url";
  static final String REFRESH_AHEAD = "claribi.connections.refresh-ahead";
  static final String ATTEMPT_SWEEP = "claribi.connections.attempt-sweep";
  static final String REVOCATION_RETRIES = "claribi.connections.revocation-retries";
  static final String REVOCATION_SWEEP = "claribi.connections.revocation-sweep";
  static final String REVOCATION_LEASE = "claribi.connections.revocation-lease";

  /** The callback path, under the public URL. */
  public static final String CALLBACK_PATH = "/api/v1/connections/callback";

  @Inject
  @ConfigProperty(name = PUBLIC_URL, defaultValue = "http://localhost:9080")
  String publicUrl;

  @Inject
  @ConfigProperty(name = RETURN_ORIGINS)
  Optional<String> returnOrigins;

  @Inject
  @ConfigProperty(name = ATTEMPT_LIFETIME, defaultValue = "PT10M")
  Duration attemptLifetime;

  @Inject
  @ConfigProperty(name = CLIENT_METADATA_URL)
  Optional<String> clientMetadataUrl;

  @Inject
  @ConfigProperty(name = ATTEMPT_SWEEP, defaultValue = "PT1M")
  Duration attemptSweep;

  @Inject
  @ConfigProperty(name = REFRESH_AHEAD, defaultValue = "PT60S")
  Duration refreshAhead;

  @Inject
  @ConfigProperty(name = REVOCATION_RETRIES, defaultValue = "PT5S,PT30S,PT2M")
  String revocationRetries;

  @Inject
  @ConfigProperty(name = REVOCATION_SWEEP, defaultValue = "PT10S")
  Duration revocationSweep;

  @Inject
  @ConfigProperty(name = REVOCATION_LEASE, defaultValue = "PT1M")
  Duration revocationLease;

  /** A bad value stops the application at start, not at the first connect. */
  void onStart(@Observes Startup startup) {
    URI base = URI.create(publicUrl);
    if (base.getScheme() == null || base.getHost() == null || base.getRawQuery() != null) {
      throw new IllegalStateException(
          PUBLIC_URL + " must be an absolute http(s) URL: " + publicUrl);
    }
    if (attemptLifetime.isNegative() || attemptLifetime.isZero()) {
      throw new IllegalStateException(ATTEMPT_LIFETIME + " must be a positive duration");
    }
    if (attemptSweep.isNegative() || attemptSweep.isZero()) {
      throw new IllegalStateException(ATTEMPT_SWEEP + " must be a positive duration");
    }
    if (refreshAhead.isNegative()) {
      throw new IllegalStateException(REFRESH_AHEAD + " must not be negative");
    }
    revocationRetries();
    if (revocationSweep.isNegative() || revocationSweep.isZero()) {
      throw new IllegalStateException(REVOCATION_SWEEP + " must be a positive duration");
    }
    if (revocationLease.compareTo(Duration.ofSeconds(30)) < 0) {
      // One attempt may take discovery plus the revocation request, each up to the call time-out.
      throw new IllegalStateException(REVOCATION_LEASE + " must be at least 30 seconds");
    }
  }

  /** Where vendors send the admin's browser back to. */
  public URI callback() {
    return onThisProduct(CALLBACK_PATH);
  }

  /** An absolute address on this product's public URL, for a path that starts with '/'. */
  public URI onThisProduct(String path) {
    String base =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    return URI.create(base + path);
  }

  /** Origins a connect may return the browser to: the configured ones, else this product's own. */
  public Set<String> returnOrigins() {
    return returnOrigins
        .map(list -> Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()))
        .map(origins -> origins.map(o -> origin(URI.create(o))).collect(Collectors.toSet()))
        .filter(set -> !set.isEmpty())
        .orElseGet(() -> Set.of(origin(URI.create(publicUrl))));
  }

  /** How long an admin has to consent before the connect must start again. */
  public Duration attemptLifetime() {
    return attemptLifetime;
  }

  /** How often expired connects (attempt and PENDING connection) are deleted. */
  public Duration attemptSweep() {
    return attemptSweep;
  }

  /**
   * How long before its expiry an access token is refreshed, so that it does not expire on its way
   * to the vendor.
   */
  public Duration refreshAhead() {
    return refreshAhead;
  }

  /**
   * The pauses between attempts to revoke a disconnected connection's token at a vendor that is
   * down; after the last, the revocation gives up and the token expires at the vendor on its own.
   */
  public List<Duration> revocationRetries() {
    return Arrays.stream(revocationRetries.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(ConnectSettings::positive)
        .toList();
  }

  /** How often each node looks for revocations that are due (retries, or a dead node's). */
  public Duration revocationSweep() {
    return revocationSweep;
  }

  /**
   * How long a node holds a revocation it is attempting; when it runs out (the node died) another
   * node's sweep takes the revocation over.
   */
  public Duration revocationLease() {
    return revocationLease;
  }

  /**
   * How long a revocation may wait in all: every pause of {@link #revocationRetries} plus two
   * leases. A revocation whose token no node could open for that long is given up.
   */
  public Duration revocationWindow() {
    return revocationRetries().stream()
        .reduce(Duration.ZERO, Duration::plus)
        .plus(revocationLease.multipliedBy(2));
  }

  private static Duration positive(String value) {
    Duration duration = Duration.parse(value);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalStateException(
          REVOCATION_RETRIES + " must list positive durations: " + value);
    }
    return duration;
  }

  /** The public HTTPS URL of this installation's client ID metadata document, if it has one. */
  public Optional<URI> clientMetadataDocument() {
    return clientMetadataUrl.map(String::trim).filter(s -> !s.isEmpty()).map(URI::create);
  }

  /** scheme://host:port, lower case, with the default port made explicit. */
  public static String origin(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
    return scheme + "://" + host + ":" + port;
  }
}

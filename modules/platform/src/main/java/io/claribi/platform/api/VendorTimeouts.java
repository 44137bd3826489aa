package io.claribi.platform.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long anything here waits for a vendor, whether the gateway calls its tools or connections
 * talk OAuth to its authorization server: one setting for operators, read in one place. Keys work
 * as environment variables too (e.g. {@code CLARIBI_GATEWAY_CALL_TIMEOUT=PT10S}); their names are
 * older than this class and stay; see docs/operations.md.
 */
@ApplicationScoped
public class VendorTimeouts {

  public static final String CONNECT_TIMEOUT = "claribi.gateway.connect-timeout";
  public static final String CALL_TIMEOUT = "claribi.gateway.call-timeout";
  public static final String RETRY_AFTER = "claribi.gateway.retry-after-seconds";

  @Inject
  @ConfigProperty(name = CONNECT_TIMEOUT, defaultValue = "PT5S")
  Duration connectTimeout;

  @Inject
  @ConfigProperty(name = CALL_TIMEOUT, defaultValue = "PT30S")
  Duration callTimeout;

  @Inject
  @ConfigProperty(name = RETRY_AFTER, defaultValue = "30")
  long retryAfterSeconds;

  /** A bad value stops the application at start, not at the first call. */
  void onStart(@Observes Startup startup) {
    requirePositive(CONNECT_TIMEOUT, connectTimeout);
    requirePositive(CALL_TIMEOUT, callTimeout);
    if (retryAfterSeconds < 1) {
      throw new IllegalStateException(RETRY_AFTER + " must be at least 1");
    }
  }

  private static void requirePositive(String key, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalStateException(key + " must be a positive duration: " + value);
    }
  }

  /** Time to open a TCP connection to the vendor. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** Time for one whole request to the vendor, connection included. */
  public Duration callTimeout() {
    return callTimeout;
  }

  /** What a 503 tells the caller to wait when a vendor did not answer. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}

package io.claribi.gateway.control;

import io.claribi.platform.api.VendorTimeouts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits on every exchange with a vendor (the timeouts are {@link VendorTimeouts}'). Keys work as
 * environment variables too (e.g. {@code CLARIBI_GATEWAY_CALL_TIMEOUT=PT10S}); see
 * docs/operations.md.
 */
@ApplicationScoped
public class GatewaySettings {

  static final String MAX_RESPONSE_BYTES = "claribi.gateway.max-response-bytes";
  static final String TOOL_LIST_MAX_AGE = "claribi.gateway.tool-list-max-age";
  static final String TOOL_LIST_REFRESHER = "claribi.gateway.tool-list-refresher-enabled";

  static final String MAX_CALLS_PER_ORGANIZATION =
      "claribi.gateway.max-concurrent-calls-per-organization";
  static final String MAX_CALLS_PER_VENDOR = "claribi.gateway.max-concurrent-calls-per-vendor";

  /** Calls of one organization under way at once on this node (bulkhead, decision 36). */
  @Inject
  @ConfigProperty(name = MAX_CALLS_PER_ORGANIZATION, defaultValue = "32")
  int maxCallsPerOrganization;

  /** Calls to one vendor under way at once on this node, all organizations together. */
  @Inject
  @ConfigProperty(name = MAX_CALLS_PER_VENDOR, defaultValue = "32")
  int maxCallsPerVendor;

  /** Shared with the OAuth flows of connections. */
  @Inject VendorTimeouts timeouts;

  @Inject
  @ConfigProperty(name = MAX_RESPONSE_BYTES, defaultValue = "8388608")
  int maxResponseBytes;

  /** See {@link ToolListFreshness}: the staleness bound of a vendor's verified tool list. */
  @Inject
  @ConfigProperty(name = TOOL_LIST_MAX_AGE, defaultValue = "PT5M")
  Duration toolListMaxAge;

  @Inject
  @ConfigProperty(name = TOOL_LIST_REFRESHER, defaultValue = "true")
  boolean toolListRefresherEnabled;

  /**
   * The operator's Google Ads API developer token: a secret, so it is set only in the environment
   * ({@code CLARIBI_CONNECTORS_GOOGLE_ADS_DEVELOPER_TOKEN}) or a secret store, never in a file.
   */
  @Inject
  @ConfigProperty(name = "claribi.connectors.google-ads.developer-token")
  Optional<String> googleAdsDeveloperToken;

  /** A bad value stops the application at start, not at the first call. */
  void onStart(@Observes Startup startup) {
    requirePositive(TOOL_LIST_MAX_AGE, toolListMaxAge);
    if (maxCallsPerOrganization < 1 || maxCallsPerVendor < 1) {
      throw new IllegalStateException(
          MAX_CALLS_PER_ORGANIZATION + " and " + MAX_CALLS_PER_VENDOR + " must be at least 1");
    }
    if (maxResponseBytes < 1024) {
      throw new IllegalStateException(MAX_RESPONSE_BYTES + " must be at least 1024");
    }
  }

  private static void requirePositive(String key, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalStateException(key + " must be a positive duration: " + value);
    }
  }

  /** The Google Ads developer token, read at each call so that a new one needs no restart. */
  public Optional<String> googleAdsDeveloperToken() {
    return googleAdsDeveloperToken.map(String::strip).filter(t -> !t.isEmpty());
  }

  /** Time to open a TCP connection to the vendor. */
  public Duration connectTimeout() {
    return timeouts.connectTimeout();
  }

  /** Time for one whole request to the vendor, connection included. */
  public Duration callTimeout() {
    return timeouts.callTimeout();
  }

  /** The largest vendor reply accepted; a larger one is dropped while it streams in. */
  public int maxResponseBytes() {
    return maxResponseBytes;
  }

  public long retryAfterSeconds() {
    return timeouts.retryAfterSeconds();
  }

  public ToolListFreshness toolListFreshness() {
    return new ToolListFreshness(toolListMaxAge);
  }

  /** One set of bulkheads per node, sized at start. */
  @Produces
  @Singleton
  CallSlots callSlots() {
    return new CallSlots(new CallSlots.Limits(maxCallsPerOrganization, maxCallsPerVendor));
  }

  /** Whether this node re-lists vendors' tools in the background before the bound passes. */
  public boolean toolListRefresherEnabled() {
    return toolListRefresherEnabled;
  }
}

package io.claribi.gateway.boundary.mcp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The limits and identity of {@code /mcp}. Keys work as environment variables too (e.g. {@code
 * CLARIBI_MCP_RESOURCE}); see docs/mcp.md and docs/operations.md.
 */
@ApplicationScoped
public class McpSettings {

  static final String RESOURCE = "claribi.mcp.resource";
  static final String ALLOWED_ORIGINS = "claribi.mcp.allowed-origins";
  static final String MAX_REQUEST_BYTES = "claribi.mcp.max-request-bytes";
  static final String SESSIONS_PER_ORGANIZATION = "claribi.mcp.sessions-per-organization";
  static final String SUBSCRIPTIONS_PER_ORGANIZATION = "claribi.mcp.subscriptions-per-organization";
  static final String SESSION_IDLE_TIMEOUT = "claribi.mcp.session-idle-timeout";
  static final String TOOL_CHANGE_CHECK = "claribi.mcp.tool-change-check";

  /**
   * The endpoint's resource URL (RFC 8707, RFC 9728): the audience a token must name to be used on
   * {@code /mcp}. The default is the development server's.
   */
  @Inject
  @ConfigProperty(name = RESOURCE, defaultValue = "http://localhost:9080/mcp")
  String resource;

  /** Origins a browser-based client may call from; by default only the resource's own origin. */
  @Inject
  @ConfigProperty(name = ALLOWED_ORIGINS)
  Optional<List<String>> allowedOrigins;

  @Inject
  @ConfigProperty(name = MAX_REQUEST_BYTES, defaultValue = "1048576")
  int maxRequestBytes;

  @Inject
  @ConfigProperty(name = SESSIONS_PER_ORGANIZATION, defaultValue = "32")
  int sessionsPerOrganization;

  /** Open {@code subscriptions/listen} streams (2026-07-28) an organization may hold per node. */
  @Inject
  @ConfigProperty(name = SUBSCRIPTIONS_PER_ORGANIZATION, defaultValue = "32")
  int subscriptionsPerOrganization;

  @Inject
  @ConfigProperty(name = SESSION_IDLE_TIMEOUT, defaultValue = "PT30M")
  Duration sessionIdleTimeout;

  /**
   * How often each node compares its open sessions' tool lists with the database, and tells a
   * session whose list changed ({@code notifications/tools/list_changed}).
   */
  @Inject
  @ConfigProperty(name = TOOL_CHANGE_CHECK, defaultValue = "PT2S")
  Duration toolChangeCheck;

  /** The authorization servers named in the metadata: the token issuer MicroProfile JWT checks. */
  @Inject
  @ConfigProperty(name = "mp.jwt.verify.issuer")
  Optional<String> issuer;

  /** A bad value stops the application at start, not at the first connection. */
  void onStart(@Observes Startup startup) {
    URI uri = URI.create(resource);
    if (!uri.isAbsolute() || uri.getHost() == null || uri.getFragment() != null) {
      throw new IllegalStateException(RESOURCE + " must be an absolute URL: " + resource);
    }
    if (maxRequestBytes < 1024) {
      throw new IllegalStateException(MAX_REQUEST_BYTES + " must be at least 1024");
    }
    if (sessionsPerOrganization < 1) {
      throw new IllegalStateException(SESSIONS_PER_ORGANIZATION + " must be at least 1");
    }
    if (subscriptionsPerOrganization < 1) {
      throw new IllegalStateException(SUBSCRIPTIONS_PER_ORGANIZATION + " must be at least 1");
    }
    if (sessionIdleTimeout.isNegative() || sessionIdleTimeout.isZero()) {
      throw new IllegalStateException(SESSION_IDLE_TIMEOUT + " must be a positive duration");
    }
    if (toolChangeCheck.compareTo(Duration.ofMillis(100)) < 0) {
      throw new IllegalStateException(TOOL_CHANGE_CHECK + " must be at least 100 ms");
    }
  }

  public String resource() {
    return resource;
  }

  /** Where the Protected Resource Metadata of this resource is (RFC 9728 §3.1, path-suffixed). */
  public String metadataUrl() {
    URI uri = URI.create(resource);
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return origin(uri) + "/.well-known/oauth-protected-resource" + path;
  }

  public List<String> allowedOrigins() {
    return allowedOrigins.orElseGet(() -> List.of(origin(URI.create(resource))));
  }

  public int maxRequestBytes() {
    return maxRequestBytes;
  }

  public int sessionsPerOrganization() {
    return sessionsPerOrganization;
  }

  public int subscriptionsPerOrganization() {
    return subscriptionsPerOrganization;
  }

  public Duration sessionIdleTimeout() {
    return sessionIdleTimeout;
  }

  public Duration toolChangeCheck() {
    return toolChangeCheck;
  }

  public List<String> authorizationServers() {
    return issuer.map(List::of).orElse(List.of());
  }

  static String origin(URI uri) {
    String origin = uri.getScheme() + "://" + uri.getHost();
    return uri.getPort() == -1 ? origin : origin + ":" + uri.getPort();
  }
}

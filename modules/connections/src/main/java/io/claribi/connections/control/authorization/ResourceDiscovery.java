package io.claribi.connections.control.authorization;

import static io.claribi.connections.control.authorization.AuthorizationException.Reason.VENDOR_METADATA_INVALID;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.claribi.platform.api.BearerChallenge;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.minidev.json.JSONObject;

/**
 * Finds a vendor MCP server's protected-resource metadata (RFC 9728), the way the MCP authorization
 * specification orders it: the {@code resource_metadata} of the 401 challenge that an
 * unauthenticated request gets, then the well-known location with the server's path, then the
 * well-known location at the root. The metadata must name this server as its resource.
 */
public final class ResourceDiscovery {

  static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";

  // The unauthenticated probe: an initialize request, which every MCP server accepts or challenges.
  private static final String PROBE =
      "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{"
          + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
          + "\"clientInfo\":{\"name\":\"clariBI\",\"version\":\"1\"}}}";

  private final OAuthHttp http;

  public ResourceDiscovery(OAuthHttp http) {
    this.http = http;
  }

  /** Discovers the metadata of the MCP server at {@code server}. */
  public ResourceMetadata discover(URI server) {
    Optional<BearerChallenge> challenge = probe(server);
    List<URI> candidates = new ArrayList<>();
    challenge
        .flatMap(BearerChallenge::resourceMetadata)
        .ifPresent(url -> candidates.add(http.requireSafe(url, "resource metadata URL")));
    candidates.addAll(wellKnown(server));
    for (URI candidate : candidates) {
      HTTPResponse response = http.get(candidate, "resource metadata");
      if (response.getStatusCode() == 200) {
        return parse(response, server, challenge.flatMap(BearerChallenge::scope));
      }
    }
    throw new AuthorizationException(
        VENDOR_METADATA_INVALID,
        "The MCP server at " + server + " publishes no protected-resource metadata (RFC 9728).");
  }

  /** The challenge of an unauthenticated request, if the server sends one. */
  public Optional<BearerChallenge> probe(URI server) {
    HTTPRequest request = new HTTPRequest(HTTPRequest.Method.POST, server);
    request.setHeader("Content-Type", "application/json");
    request.setHeader("Accept", "application/json, text/event-stream");
    request.setHeader("MCP-Protocol-Version", "2025-11-25");
    request.setBody(PROBE);
    HTTPResponse response = http.send(request, "MCP server");
    if (response.getStatusCode() != 401) {
      return Optional.empty();
    }
    return BearerChallenge.parse(response.getHeaderValue("WWW-Authenticate"));
  }

  /** RFC 9728 §3.1: the path-aware location first, then the root. */
  static List<URI> wellKnown(URI server) {
    String path = server.getRawPath() == null ? "" : server.getRawPath();
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    List<URI> locations = new ArrayList<>();
    if (!path.isEmpty()) {
      locations.add(server.resolve(WELL_KNOWN + path));
    }
    locations.add(server.resolve(WELL_KNOWN));
    return locations;
  }

  private static ResourceMetadata parse(
      HTTPResponse response, URI server, Optional<String> challengedScope) {
    try {
      JSONObject json = response.getBodyAsJSONObject();
      String resource = JSONObjectUtils.getString(json, "resource");
      URI resourceUri = URI.create(resource);
      if (!covers(resourceUri, server)) {
        throw new AuthorizationException(
            VENDOR_METADATA_INVALID,
            "The resource metadata names "
                + resource
                + ", not the MCP server at "
                + server
                + " (RFC 9728 §3.3).");
      }
      List<String> servers = stringList(json, "authorization_servers");
      if (servers.isEmpty()) {
        throw new AuthorizationException(
            VENDOR_METADATA_INVALID,
            "The resource metadata of " + server + " names no authorization server.");
      }
      return new ResourceMetadata(
          resourceUri, servers, stringList(json, "scopes_supported"), challengedScope);
    } catch (ParseException | IllegalArgumentException e) {
      throw new AuthorizationException(
          VENDOR_METADATA_INVALID,
          "The resource metadata of " + server + " is not valid: " + e.getMessage());
    }
  }

  private static List<String> stringList(JSONObject json, String key) throws ParseException {
    if (!json.containsKey(key) || json.get(key) == null) {
      return List.of();
    }
    return JSONObjectUtils.getStringList(json, key);
  }

  /**
   * Whether the metadata's resource identifies this server: the same origin, and a path that is the
   * server's path or one of its parents (a vendor may protect {@code https://api.example.com/} as
   * one resource for its MCP endpoint {@code https://api.example.com/mcp}).
   */
  static boolean covers(URI resource, URI server) {
    if (!origin(resource).equals(origin(server)) || resource.getRawFragment() != null) {
      return false;
    }
    String resourcePath = trimSlash(resource.getRawPath());
    String serverPath = trimSlash(server.getRawPath());
    return serverPath.equals(resourcePath) || serverPath.startsWith(resourcePath + "/");
  }

  private static String origin(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    if (port == -1) {
      port = "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
    }
    return scheme + "://" + host + ":" + port;
  }

  private static String trimSlash(String path) {
    if (path == null) {
      return "";
    }
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}

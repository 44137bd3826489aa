package io.claribi.catalog.entity;

import io.claribi.catalog.api.VendorKind;
import io.claribi.platform.api.ProblemException;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an operator or the catalog file says about a vendor: everything but its id, state and
 * history. The server URL is checked by the outbound policy before a spec is saved.
 */
public record VendorSpec(
    String displayName,
    VendorKind kind,
    String serverUrl,
    List<String> readScopes,
    List<String> dataDomains,
    boolean resourcesEnabled,
    String authorizationServer) {

  /** Looked up once: {@code Json.create…} searches the class path on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  public static final int MAX_DISPLAY_NAME = 200;
  public static final int MAX_URL = 2048;
  public static final int MAX_SCOPES = 2000;
  public static final int MAX_DOMAINS = 500;

  /** RFC 6749 scope-token characters: printable ASCII except space, '"' and '\'. */
  static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,200}");

  static final Pattern DOMAIN = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  public VendorSpec {
    Objects.requireNonNull(kind, "kind");
    readScopes = List.copyOf(readScopes == null ? List.of() : readScopes);
    dataDomains = List.copyOf(dataDomains == null ? List.of() : dataDomains);
    require(
        displayName != null && !displayName.isBlank() && displayName.length() <= MAX_DISPLAY_NAME,
        "displayName must be 1-" + MAX_DISPLAY_NAME + " characters");
    require(
        serverUrl != null && !serverUrl.isBlank() && serverUrl.length() <= MAX_URL,
        "serverUrl must be 1-" + MAX_URL + " characters");
    require(
        readScopes.stream().allMatch(s -> SCOPE.matcher(s).matches()),
        "each read scope must be 1-200 OAuth scope characters (no spaces or quotes)");
    require(
        dataDomains.stream().allMatch(d -> DOMAIN.matcher(d).matches()),
        "each data domain must be 1-40 lower-case letters, digits or '-'");
    require(
        kind != VendorKind.NATIVE_OAUTH
            || (authorizationServer != null
                && !authorizationServer.isBlank()
                && authorizationServer.length() <= MAX_URL),
        "a native connector needs its authorizationServer (issuer URL, 1-"
            + MAX_URL
            + " characters)");
    require(
        kind != VendorKind.MCP || authorizationServer == null,
        "an MCP vendor's server names its own authorization server; leave authorizationServer out");
    require(String.join(" ", readScopes).length() <= MAX_SCOPES, "too many read scopes");
    require(String.join(" ", dataDomains).length() <= MAX_DOMAINS, "too many data domains");
  }

  /** The spec as JSON, for a vendor change's record of what the vendor looked like. */
  public JsonObject toJson() {
    return JSON.createObjectBuilder()
        .add("displayName", displayName)
        .add("kind", kind.name())
        .add("serverUrl", serverUrl)
        .add("readScopes", JSON.createArrayBuilder(readScopes))
        .add("dataDomains", JSON.createArrayBuilder(dataDomains))
        .add("resourcesEnabled", resourcesEnabled)
        .add(
            "authorizationServer",
            authorizationServer == null
                ? jakarta.json.JsonValue.NULL
                : JSON.createValue(authorizationServer))
        .build();
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw ProblemException.badRequest("INVALID_VENDOR", "Invalid vendor: " + message + ".");
    }
  }
}

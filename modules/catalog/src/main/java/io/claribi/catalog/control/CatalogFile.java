package io.claribi.catalog.control;

import io.claribi.catalog.api.RegisteredClient;
import io.claribi.catalog.api.VendorId;
import io.claribi.catalog.api.VendorKind;
import io.claribi.catalog.entity.Decision;
import io.claribi.catalog.entity.VendorSpec;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The catalog file shipped in this jar ({@value #RESOURCE}): a version number and the vendors it
 * brings, each with the tool decisions reviewed before release. A vendor whose server URL comes
 * from configuration ({@code serverUrlFrom}) is left out while that key is unset.
 */
public record CatalogFile(int version, List<Entry> vendors, List<RegisteredClient> clients) {

  /** Looked up once: {@code Json.create…} searches the class path on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  public static final String RESOURCE = "META-INF/claribi/catalog-v1.json";

  /** Only catalog keys may supply a URL: the file cannot make the catalog read other settings. */
  static final String CONFIG_PREFIX = "claribi.catalog.";

  private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");

  public CatalogFile {
    if (version < 1) {
      throw new IllegalArgumentException("the catalog file's version must be 1 or more");
    }
    vendors = List.copyOf(vendors);
    clients = List.copyOf(clients);
  }

  public CatalogFile(int version, List<Entry> vendors) {
    this(version, vendors, List.of());
  }

  /** One vendor of the file. */
  public record Entry(VendorId id, VendorSpec spec, List<Shipped> tools) {
    public Entry {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(spec, "spec");
      tools = List.copyOf(tools);
    }
  }

  /** A reviewed decision: an ALLOW holds only for exactly the fingerprint that was reviewed. */
  public record Shipped(String name, Decision decision, String fingerprint, String reason) {
    public Shipped {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(decision, "decision");
      if (fingerprint != null && !FINGERPRINT.matcher(fingerprint).matches()) {
        throw new IllegalArgumentException(name + ": a fingerprint is 64 lower-case hex digits");
      }
      if (decision == Decision.ALLOW && fingerprint == null) {
        throw new IllegalArgumentException(name + ": a shipped ALLOW needs the fingerprint");
      }
      if (reason == null || reason.isBlank() || reason.length() > 500) {
        throw new IllegalArgumentException(name + ": a reason of 1-500 characters is required");
      }
      if (name.isEmpty() || name.length() > ToolListCheck.MAX_NAME_CHARS) {
        throw new IllegalArgumentException("a tool name is 1-256 characters");
      }
    }
  }

  /**
   * Reads the file.
   *
   * @param config looks up a configuration key (for {@code serverUrlFrom})
   * @throws IllegalArgumentException naming what is wrong: a broken file stops the start
   */
  public static CatalogFile read(InputStream in, Function<String, Optional<String>> config) {
    JsonObject root;
    try (var reader = JSON.createReader(in)) {
      root = reader.readObject();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("the catalog file is not a JSON object", e);
    }
    List<Entry> entries = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (JsonValue value : root.getJsonArray("vendors")) {
      JsonObject vendor = value.asJsonObject();
      String id = vendor.getString("id");
      if (!ids.add(id)) {
        throw new IllegalArgumentException("vendor " + id + " appears twice");
      }
      try {
        serverUrl(vendor, config).ifPresent(url -> entries.add(entry(vendor, url)));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("vendor " + id + ": " + e.getMessage(), e);
      }
    }
    return new CatalogFile(root.getInt("version"), entries, clients(root, config));
  }

  /**
   * Pre-registered clients: {@code issuer} or {@code issuerFrom} (a catalog configuration key; the
   * entry is left out while it is unset) and {@code clientId}. Public clients only.
   */
  private static List<RegisteredClient> clients(
      JsonObject root, Function<String, Optional<String>> config) {
    List<RegisteredClient> clients = new ArrayList<>();
    JsonArray list = root.getJsonArray("oauthClients");
    for (JsonValue value : list == null ? JsonValue.EMPTY_JSON_ARRAY : list) {
      JsonObject client = value.asJsonObject();
      Optional<String> issuer;
      if (client.containsKey("issuer")) {
        issuer = Optional.of(client.getString("issuer"));
      } else {
        String key = client.getString("issuerFrom");
        if (!key.startsWith(CONFIG_PREFIX)) {
          throw new IllegalArgumentException("issuerFrom must be a " + CONFIG_PREFIX + "* key");
        }
        issuer = config.apply(key).map(String::trim).filter(s -> !s.isEmpty());
      }
      issuer.ifPresent(
          iss ->
              clients.add(
                  new RegisteredClient(
                      iss, client.getString("clientId"), "PRE_REGISTERED", Optional.empty())));
    }
    return clients;
  }

  private static Optional<String> serverUrl(
      JsonObject vendor, Function<String, Optional<String>> config) {
    if (vendor.containsKey("serverUrl")) {
      return Optional.of(vendor.getString("serverUrl"));
    }
    String key = vendor.getString("serverUrlFrom");
    if (!key.startsWith(CONFIG_PREFIX)) {
      throw new IllegalArgumentException("serverUrlFrom must be a " + CONFIG_PREFIX + "* key");
    }
    return config.apply(key).map(String::trim).filter(s -> !s.isEmpty());
  }

  private static Entry entry(JsonObject vendor, String serverUrl) {
    VendorSpec spec =
        new VendorSpec(
            vendor.getString("displayName"),
            VendorKind.valueOf(vendor.getString("kind")),
            serverUrl,
            strings(vendor.getJsonArray("readScopes")),
            strings(vendor.getJsonArray("dataDomains")),
            vendor.getBoolean("resourcesEnabled", false),
            vendor.getString("authorizationServer", null));
    List<Shipped> tools = new ArrayList<>();
    Set<String> names = new HashSet<>();
    JsonArray list = vendor.getJsonArray("tools");
    for (JsonValue value : list == null ? JsonValue.EMPTY_JSON_ARRAY : list) {
      JsonObject tool = value.asJsonObject();
      Shipped shipped =
          new Shipped(
              tool.getString("name"),
              Decision.valueOf(tool.getString("decision")),
              tool.getString("fingerprint", null),
              tool.getString("reason", null));
      if (!names.add(shipped.name())) {
        throw new IllegalArgumentException("tool " + shipped.name() + " appears twice");
      }
      tools.add(shipped);
    }
    return new Entry(new VendorId(vendor.getString("id")), spec, tools);
  }

  private static List<String> strings(JsonArray array) {
    return array == null
        ? List.of()
        : array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }
}

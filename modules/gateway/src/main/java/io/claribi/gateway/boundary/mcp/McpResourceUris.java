package io.claribi.gateway.boundary.mcp;

import io.claribi.gateway.boundary.ToolListing.ResourceSource;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The resource URIs of {@code /mcp} (docs/mcp.md): {@code claribi://<source>/<vendor URI>}, the
 * vendor's own URI percent-encoded whole (every byte but the unreserved ones), {@code <source>}
 * named as the tools' prefix is: the vendor, or {@code <vendor>__<first hex digits of the
 * connection id>} when the organization has several connections to that vendor. Two connections
 * never share a source name and the encoding is one-to-one, so no two resources of an organization
 * share a URI, whatever URIs the vendors chose; and a URI names its connection, so a read goes to
 * exactly the vendor that listed it.
 */
final class McpResourceUris {

  static final String PREFIX = "claribi://";
  private static final Pattern ENCODED = Pattern.compile("([A-Za-z0-9._~-]|%[0-9A-F]{2})+");

  private McpResourceUris() {}

  /** A source of resources under its name. */
  record NamedSource(String name, ResourceSource source) {}

  /** A URI of ours, taken apart. */
  record Parsed(String source, String vendorUri) {}

  /** Every source under its name; names are unique. */
  static List<NamedSource> name(List<ResourceSource> sources) {
    Map<String, List<String>> connectionsPerVendor = new HashMap<>();
    for (ResourceSource source : sources) {
      connectionsPerVendor
          .computeIfAbsent(source.vendor(), v -> new ArrayList<>())
          .add(source.connectionId());
    }
    List<NamedSource> named = new ArrayList<>();
    for (ResourceSource source : sources) {
      List<String> siblings = connectionsPerVendor.get(source.vendor());
      String name = McpToolNames.clean(source.vendor());
      if (siblings.size() > 1) {
        name +=
            McpToolNames.SEPARATOR + McpToolNames.discriminator(source.connectionId(), siblings);
      }
      named.add(new NamedSource(name, source));
    }
    return List.copyOf(named);
  }

  /** Our URI of a vendor's resource listed through the named source. */
  static String uri(String source, String vendorUri) {
    return PREFIX + source + "/" + encode(vendorUri);
  }

  /** A URI of ours in its one canonical form, taken apart; empty for anything else. */
  static Optional<Parsed> parse(String uri) {
    if (uri == null || !uri.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String rest = uri.substring(PREFIX.length());
    int slash = rest.indexOf('/');
    if (slash <= 0 || slash == rest.length() - 1) {
      return Optional.empty();
    }
    String source = rest.substring(0, slash);
    String encoded = rest.substring(slash + 1);
    if (!McpToolNames.isValid(source) || !ENCODED.matcher(encoded).matches()) {
      return Optional.empty();
    }
    String vendorUri = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    // One URI per resource: a spelling that encodes otherwise (e.g. "%41" for "A") is not ours.
    return encode(vendorUri).equals(encoded)
        ? Optional.of(new Parsed(source, vendorUri))
        : Optional.empty();
  }

  private static String encode(String vendorUri) {
    return URLEncoder.encode(vendorUri, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }
}

package io.claribi.catalog.control;

import io.claribi.catalog.api.OutboundPolicy;
import io.claribi.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The outbound policy: https only (http for allowed hosts), no credentials or fragment in the URL,
 * and no address a server should never be made to reach on a vendor's behalf (loopback, private,
 * link-local, multicast, unspecified, carrier-grade NAT, reserved, and the IPv6 forms that embed
 * such an IPv4 address) unless an operator allowed the host by name in {@value
 * CatalogConfig#ALLOWED_HOSTS}. Every address the host resolves to must pass, so a name with one
 * private address among public ones is refused.
 */
@ApplicationScoped
public class OutboundRules implements OutboundPolicy {

  /**
   * The rule a URL broke; its name ends the problem's detail, in parentheses, for support: people
   * read the reason in words first.
   */
  public enum Rule {
    MALFORMED_URL,
    SCHEME_NOT_ALLOWED,
    USERINFO_NOT_ALLOWED,
    FRAGMENT_NOT_ALLOWED,
    HOST_MISSING,
    HOST_NOT_RESOLVED,
    LOOPBACK_ADDRESS,
    PRIVATE_ADDRESS,
    LINK_LOCAL_ADDRESS,
    MULTICAST_ADDRESS,
    UNSPECIFIED_ADDRESS,
    SHARED_ADDRESS,
    RESERVED_ADDRESS
  }

  /** Looks a host name up; replaced in tests so no test depends on DNS. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private Set<String> allowedHosts;
  private Resolver resolver;

  protected OutboundRules() {
    // for the CDI proxy
  }

  @Inject
  public OutboundRules(CatalogConfig config) {
    this(config.allowedHosts(), InetAddress::getAllByName);
  }

  public OutboundRules(Set<String> allowedHosts, Resolver resolver) {
    this.allowedHosts = Set.copyOf(allowedHosts);
    this.resolver = resolver;
  }

  @Override
  public URI requireSafe(String url) {
    URI uri = requireWellFormed(url);
    String host = host(uri);
    if (allowedHosts.contains(host)) {
      return uri;
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException | SecurityException e) {
      throw refused(Rule.HOST_NOT_RESOLVED, "host " + host + " does not resolve");
    }
    for (InetAddress address : addresses) {
      Optional<Rule> broken = classify(address);
      if (broken.isPresent()) {
        throw refused(broken.get(), "host " + host + " resolves to a non-public address");
      }
    }
    return uri;
  }

  /**
   * The checks that need no name lookup: scheme, credentials, fragment and host. The catalog file's
   * URLs are checked this way at start (a lookup then would make the start depend on DNS); every
   * URL is checked in full before use.
   */
  public URI requireWellFormed(String url) {
    URI uri;
    try {
      uri = new URI(url == null ? "" : url);
    } catch (URISyntaxException e) {
      throw refused(Rule.MALFORMED_URL, "the URL cannot be parsed");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getRawUserInfo() != null) {
      throw refused(Rule.USERINFO_NOT_ALLOWED, "credentials in a URL are never sent");
    }
    if (uri.getRawFragment() != null) {
      throw refused(Rule.FRAGMENT_NOT_ALLOWED, "a fragment has no place in a server URL");
    }
    if (uri.isOpaque() || uri.getHost() == null || uri.getHost().isEmpty()) {
      throw refused(Rule.HOST_MISSING, "the URL names no host");
    }
    String host = host(uri);
    boolean httpAllowed = scheme.equals("http") && allowedHosts.contains(host);
    if (!scheme.equals("https") && !httpAllowed) {
      throw refused(
          Rule.SCHEME_NOT_ALLOWED,
          "only https is allowed (http only for hosts in " + CatalogConfig.ALLOWED_HOSTS + ")");
    }
    return uri;
  }

  /** The rule an address breaks, if any. */
  public static Optional<Rule> classify(InetAddress address) {
    if (address instanceof Inet6Address v6) {
      Optional<Inet4Address> embedded = embeddedIpv4(v6.getAddress());
      if (embedded.isPresent()) {
        return classify(embedded.get());
      }
    }
    byte[] b = address.getAddress();
    if (address.isAnyLocalAddress()) {
      return Optional.of(Rule.UNSPECIFIED_ADDRESS);
    }
    if (address.isLoopbackAddress()) {
      return Optional.of(Rule.LOOPBACK_ADDRESS);
    }
    if (address.isLinkLocalAddress()) {
      return Optional.of(Rule.LINK_LOCAL_ADDRESS);
    }
    if (address.isMulticastAddress()) {
      return Optional.of(Rule.MULTICAST_ADDRESS);
    }
    if (address.isSiteLocalAddress() || (b.length == 16 && (b[0] & 0xfe) == 0xfc)) {
      return Optional.of(Rule.PRIVATE_ADDRESS); // RFC 1918, fec0::/10, and ULA fc00::/7
    }
    if (b.length == 4) {
      int first = b[0] & 0xff;
      if (first == 100 && (b[1] & 0xc0) == 64) {
        return Optional.of(Rule.SHARED_ADDRESS); // 100.64.0.0/10, carrier-grade NAT
      }
      if (first == 0 || first >= 240) {
        return Optional.of(Rule.RESERVED_ADDRESS); // 0.0.0.0/8, 240.0.0.0/4 and broadcast
      }
    }
    return Optional.empty();
  }

  /**
   * The IPv4 address inside an IPv4-mapped ({@code ::ffff:a.b.c.d}), IPv4-compatible ({@code
   * ::a.b.c.d}) or NAT64 ({@code 64:ff9b::a.b.c.d}) IPv6 address.
   */
  static Optional<Inet4Address> embeddedIpv4(byte[] v6) {
    boolean zeroPrefix = Arrays.equals(Arrays.copyOfRange(v6, 0, 10), new byte[10]);
    boolean mapped = zeroPrefix && (v6[10] & 0xff) == 0xff && (v6[11] & 0xff) == 0xff;
    boolean compatible = zeroPrefix && v6[10] == 0 && v6[11] == 0 && !isZeroOrOne(v6);
    boolean nat64 =
        (v6[0] & 0xff) == 0x00
            && (v6[1] & 0xff) == 0x64
            && (v6[2] & 0xff) == 0xff
            && (v6[3] & 0xff) == 0x9b
            && Arrays.equals(Arrays.copyOfRange(v6, 4, 12), new byte[8]);
    if (!mapped && !compatible && !nat64) {
      return Optional.empty();
    }
    try {
      return Optional.of((Inet4Address) InetAddress.getByAddress(Arrays.copyOfRange(v6, 12, 16)));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are always an IPv4 address", e);
    }
  }

  /** {@code ::} and {@code ::1} are the unspecified and loopback addresses, not IPv4-compatible. */
  private static boolean isZeroOrOne(byte[] v6) {
    for (int i = 0; i < 15; i++) {
      if (v6[i] != 0) {
        return false;
      }
    }
    return v6[15] == 0 || v6[15] == 1;
  }

  private static String host(URI uri) {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static ProblemException refused(Rule rule, String why) {
    return ProblemException.badRequest(
        "OUTBOUND_URL_REFUSED",
        "clariBI does not connect to this URL: " + why + " (rule " + rule + ").");
  }
}

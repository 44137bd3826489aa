package io.claribi.catalog.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.platform.api.ProblemException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutboundRulesTest {

  /** Names resolve only through this table: no test asks DNS. */
  static final Map<String, String[]> DNS =
      Map.of(
          "mcp.vendor.test", new String[] {"203.0.113.10"},
          "mixed.vendor.test", new String[] {"203.0.113.10", "10.0.0.5"},
          "rebind.vendor.test", new String[] {"::ffff:169.254.169.254"},
          "internal.vendor.test", new String[] {"192.168.1.20"});

  final OutboundRules cut =
      new OutboundRules(Set.of("localhost", "internal.vendor.test"), OutboundRulesTest::resolve);

  static InetAddress[] resolve(String host) throws UnknownHostException {
    String[] addresses = DNS.get(host);
    if (addresses == null) {
      if (host.contains(":") || host.matches("[0-9.]+")) {
        return new InetAddress[] {InetAddress.getByName(host)}; // literals never ask DNS
      }
      throw new UnknownHostException(host);
    }
    InetAddress[] resolved = new InetAddress[addresses.length];
    for (int i = 0; i < addresses.length; i++) {
      resolved[i] = InetAddress.getByName(addresses[i]);
    }
    return resolved;
  }

  static String rule(ThrowingRunnable call) {
    try {
      call.run();
    } catch (ProblemException e) {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.code()).isEqualTo("OUTBOUND_URL_REFUSED");
      return e.detail()
          .replaceAll("^clariBI does not connect to this URL: .+ \\(rule ([A-Z_]+)\\)\\.$", "$1");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return "ACCEPTED";
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Test
  void a_public_https_url_passes() {
    assertThat(cut.requireSafe("https://mcp.vendor.test/mcp").getHost())
        .isEqualTo("mcp.vendor.test");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "http://mcp.vendor.test/mcp, SCHEME_NOT_ALLOWED",
    "ftp://mcp.vendor.test/, SCHEME_NOT_ALLOWED",
    "file:///etc/passwd, HOST_MISSING",
    "mcp.vendor.test/mcp, HOST_MISSING",
    "https:opaque, HOST_MISSING",
    "https://user:pw@mcp.vendor.test/, USERINFO_NOT_ALLOWED",
    "https://user@mcp.vendor.test/, USERINFO_NOT_ALLOWED",
    "https://mcp.vendor.test/mcp#x, FRAGMENT_NOT_ALLOWED",
    "https://mcp.vendor.test/mcp#, FRAGMENT_NOT_ALLOWED",
    "https://exa mple.test/, MALFORMED_URL",
    "https://unknown.vendor.test/, HOST_NOT_RESOLVED",
    "https://127.0.0.1/, LOOPBACK_ADDRESS",
    "https://127.1.2.3/, LOOPBACK_ADDRESS",
    "https://[::1]/, LOOPBACK_ADDRESS",
    "https://10.1.2.3/, PRIVATE_ADDRESS",
    "https://172.16.0.1/, PRIVATE_ADDRESS",
    "https://172.31.255.255/, PRIVATE_ADDRESS",
    "https://192.168.0.1/, PRIVATE_ADDRESS",
    "https://[fc00::1]/, PRIVATE_ADDRESS",
    "https://[fd12:3456::1]/, PRIVATE_ADDRESS",
    "https://[fec0::1]/, PRIVATE_ADDRESS",
    "https://169.254.169.254/, LINK_LOCAL_ADDRESS",
    "https://[fe80::1]/, LINK_LOCAL_ADDRESS",
    "https://224.0.0.1/, MULTICAST_ADDRESS",
    "https://[ff02::1]/, MULTICAST_ADDRESS",
    "https://0.0.0.0/, UNSPECIFIED_ADDRESS",
    "https://[::]/, UNSPECIFIED_ADDRESS",
    "https://100.64.0.1/, SHARED_ADDRESS",
    "https://100.127.255.254/, SHARED_ADDRESS",
    "https://0.1.2.3/, RESERVED_ADDRESS",
    "https://240.0.0.1/, RESERVED_ADDRESS",
    "https://255.255.255.255/, RESERVED_ADDRESS",
    "https://[::ffff:127.0.0.1]/, LOOPBACK_ADDRESS",
    "https://[::ffff:10.0.0.1]/, PRIVATE_ADDRESS",
    "https://[::ffff:a9fe:a9fe]/, LINK_LOCAL_ADDRESS",
    "https://[::127.0.0.1]/, LOOPBACK_ADDRESS",
    "https://[64:ff9b::192.168.0.1]/, PRIVATE_ADDRESS",
    "https://mixed.vendor.test/, PRIVATE_ADDRESS",
    "https://rebind.vendor.test/, LINK_LOCAL_ADDRESS"
  })
  void refuses_naming_the_rule(String url, String expected) {
    assertThat(rule(() -> cut.requireSafe(url))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "https://100.63.255.255/",
    "https://100.128.0.1/",
    "https://172.15.255.255/",
    "https://172.32.0.1/",
    "https://192.169.0.1/",
    "https://[2001:db8::1]/",
    "https://[64:ff9b::203.0.113.10]/",
    "HTTPS://MCP.VENDOR.TEST/mcp"
  })
  void neighbours_of_the_refused_ranges_pass(String url) {
    assertThat(rule(() -> cut.requireSafe(url))).isEqualTo("ACCEPTED");
  }

  @Test
  void an_allowed_host_may_use_http_and_a_private_address() {
    assertThat(rule(() -> cut.requireSafe("http://localhost:9080/demo-vendor/mcp")))
        .isEqualTo("ACCEPTED");
    assertThat(rule(() -> cut.requireSafe("https://INTERNAL.vendor.test/mcp")))
        .isEqualTo("ACCEPTED");
    assertThat(rule(() -> cut.requireSafe("http://127.0.0.1:9080/")))
        .as("allowed by name only: 127.0.0.1 is not in this list")
        .isEqualTo("SCHEME_NOT_ALLOWED");
    assertThat(rule(() -> cut.requireSafe("http://user@localhost/")))
        .as("an allowed host still carries no credentials")
        .isEqualTo("USERINFO_NOT_ALLOWED");
  }

  @Test
  void well_formedness_alone_needs_no_lookup() {
    assertThat(rule(() -> cut.requireWellFormed("https://unknown.vendor.test/mcp")))
        .isEqualTo("ACCEPTED");
    assertThat(rule(() -> cut.requireWellFormed("http://unknown.vendor.test/mcp")))
        .isEqualTo("SCHEME_NOT_ALLOWED");
  }

  @Test
  void the_allowed_hosts_setting_is_a_trimmed_lower_case_comma_list() {
    assertThat(CatalogConfig.parseHosts(" LocalHost, 127.0.0.1 ,,"))
        .containsExactlyInAnyOrder("localhost", "127.0.0.1");
    assertThat(CatalogConfig.parseHosts("")).isEmpty();
  }

  @Property
  void every_private_ipv4_address_is_refused_also_when_mapped_into_ipv6(
      @ForAll @IntRange(min = 0, max = 255) int b,
      @ForAll @IntRange(min = 0, max = 255) int c,
      @ForAll @IntRange(min = 0, max = 255) int d,
      @ForAll @IntRange(min = 0, max = 4) int range) {
    String address =
        switch (range) {
          case 0 -> "10." + b + "." + c + "." + d;
          case 1 -> "172." + (16 + b % 16) + "." + c + "." + d;
          case 2 -> "192.168." + c + "." + d;
          case 3 -> "127." + b + "." + c + "." + d;
          default -> "100." + (64 + b % 64) + "." + c + "." + d;
        };
    assertThat(rule(() -> cut.requireSafe("https://" + address + "/"))).isNotEqualTo("ACCEPTED");
    assertThat(rule(() -> cut.requireSafe("https://[::ffff:" + address + "]/")))
        .isNotEqualTo("ACCEPTED");
  }

  @Property
  void every_ula_and_link_local_ipv6_address_is_refused(
      @ForAll @IntRange(min = 0, max = 0xffff) int group, @ForAll boolean ula) {
    String prefix =
        ula ? (group % 2 == 0 ? "fc" : "fd") + String.format("%02x", group % 256) : "fe80";
    String url = "https://[" + prefix + ":" + Integer.toHexString(group) + "::1]/";

    assertThat(rule(() -> cut.requireSafe(url))).isIn("PRIVATE_ADDRESS", "LINK_LOCAL_ADDRESS");
  }

  @Property
  void a_public_address_passes(
      @ForAll @IntRange(min = 1, max = 223) int a,
      @ForAll @IntRange(min = 0, max = 255) int b,
      @ForAll @IntRange(min = 1, max = 254) int d)
      throws UnknownHostException {
    boolean special =
        a == 10
            || a == 127
            || a == 100 && b >= 64 && b < 128
            || a == 169 && b == 254
            || a == 172 && b >= 16 && b < 32
            || a == 192 && b == 168;
    Assume.that(!special);
    String address = a + "." + b + ".7." + d;

    assertThat(rule(() -> cut.requireSafe("https://" + address + "/"))).isEqualTo("ACCEPTED");
    assertThat(OutboundRules.classify(InetAddress.getByName(address))).isEmpty();
  }

  @Property
  void no_url_escapes_as_anything_but_the_refusal(@ForAll String url) {
    try {
      cut.requireSafe(url);
    } catch (ProblemException e) {
      assertThat(e.code()).isEqualTo("OUTBOUND_URL_REFUSED");
    }
  }
}

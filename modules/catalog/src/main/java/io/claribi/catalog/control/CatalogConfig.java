package io.claribi.catalog.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The catalog's settings; every key also works as an environment variable ({@code
 * CLARIBI_CATALOG_MAX_TOOLS_PER_VENDOR}, {@code CLARIBI_CATALOG_DEMO_VENDOR_URL}, {@code
 * CLARIBI_OUTBOUND_ALLOWED_HOSTS}).
 */
@ApplicationScoped
public class CatalogConfig {

  public static final String MAX_TOOLS = "claribi.catalog.max-tools-per-vendor";
  public static final String DEMO_VENDOR_URL = "claribi.catalog.demo-vendor-url";
  public static final String ALLOWED_HOSTS = "claribi.outbound.allowed-hosts";

  @Inject
  @ConfigProperty(name = MAX_TOOLS, defaultValue = "2000")
  int maxToolsPerVendor;

  @Inject
  @ConfigProperty(name = DEMO_VENDOR_URL)
  Optional<String> demoVendorUrl;

  @Inject
  @ConfigProperty(name = ALLOWED_HOSTS)
  Optional<String> allowedHosts;

  /** The most tools one vendor's list may have; a longer list is refused whole. */
  public int maxToolsPerVendor() {
    return Math.max(1, maxToolsPerVendor);
  }

  /** The demo vendor's MCP endpoint; unset in production, where the demo vendor is not loaded. */
  public Optional<String> demoVendorUrl() {
    return demoVendorUrl.map(String::trim).filter(s -> !s.isEmpty());
  }

  /** Hosts an operator allowed to be reached over http and on private addresses. */
  public Set<String> allowedHosts() {
    return parseHosts(allowedHosts.orElse(""));
  }

  static Set<String> parseHosts(String commaList) {
    return Arrays.stream(commaList.split(","))
        .map(h -> h.trim().toLowerCase(Locale.ROOT))
        .filter(h -> !h.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}

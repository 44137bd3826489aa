package io.claribi.demovendor;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The demo vendor's configuration, from MicroProfile Config: each key also works as an environment
 * variable ({@code DEMO_VENDOR_AUTH_PORT}, {@code DEMO_VENDOR_CONTROL_ENABLED}, {@code
 * DEMO_VENDOR_TOKEN_LIFETIME}).
 *
 * @param authPort where the authorization server listens on 127.0.0.1 (default 9082)
 * @param controlEnabled whether {@code /control/*} answers at all (default false)
 * @param tokenLifetimeSeconds how long its access tokens live (default 3600); short lifetimes show
 *     clariBI refreshing them
 */
public record DemoVendorConfig(int authPort, boolean controlEnabled, long tokenLifetimeSeconds) {

  public static final int DEFAULT_AUTH_PORT = 9082;
  public static final long DEFAULT_TOKEN_LIFETIME = 3600;

  public DemoVendorConfig {
    if (authPort < 1 || authPort > 65535) {
      throw new IllegalArgumentException("demo.vendor.auth.port out of range: " + authPort);
    }
    if (tokenLifetimeSeconds < 1) {
      throw new IllegalArgumentException(
          "demo.vendor.token.lifetime must be at least 1 second: " + tokenLifetimeSeconds);
    }
  }

  static DemoVendorConfig load() {
    Config config = ConfigProvider.getConfig(DemoVendorConfig.class.getClassLoader());
    return new DemoVendorConfig(
        config.getOptionalValue("demo.vendor.auth.port", Integer.class).orElse(DEFAULT_AUTH_PORT),
        config.getOptionalValue("demo.vendor.control.enabled", Boolean.class).orElse(false),
        config
            .getOptionalValue("demo.vendor.token.lifetime", Long.class)
            .orElse(DEFAULT_TOKEN_LIFETIME));
  }
}

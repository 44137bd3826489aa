package io.claribi.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to start when the server trusts the development issuer without saying so on purpose. The
 * Liberty Maven plugin sets both for the development server; a production configuration that copied
 * only the issuer fails loudly instead of accepting development tokens.
 */
@ApplicationScoped
public class DevelopmentIssuerGuard {

  public static final String DEV_ISSUER = "urn:claribi:dev-only";
  public static final String ALLOW_KEY = "claribi.dev-tokens.allowed";

  private static final Logger LOG = Logger.getLogger(DevelopmentIssuerGuard.class.getName());

  void onStart(@Observes Startup startup) {
    Config config = ConfigProvider.getConfig();
    check(
        config.getOptionalValue("mp.jwt.verify.issuer", String.class).orElse(null),
        config.getOptionalValue(ALLOW_KEY, Boolean.class).orElse(false));
  }

  static void check(String issuer, boolean allowed) {
    if (!DEV_ISSUER.equals(issuer)) {
      return;
    }
    if (!allowed) {
      throw new IllegalStateException(
          "mp.jwt.verify.issuer is the development issuer "
              + DEV_ISSUER
              + " but "
              + ALLOW_KEY
              + " is not true: refusing to accept development tokens.");
    }
    LOG.warning(
        "Development tokens are accepted (issuer " + DEV_ISSUER + "). Never in production.");
  }
}

package io.claribi.app.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/**
 * What the sign-in page shows when the console signs in with an identity provider: the button, and
 * the fixed text of a refused sign-in, chosen by the code in the page's query (never the query's
 * text itself).
 */
@Named("providerSignIn")
@RequestScoped
public class ProviderSignInPage {

  @Inject IdentityProvider provider;

  private Optional<ProviderSignInSettings> settings;

  /** Whether the page offers the provider instead of the password form. */
  public boolean isOffered() {
    return provider.configured();
  }

  public String getDisplayName() {
    return settings().map(ProviderSignInSettings::displayName).orElse("your identity provider");
  }

  public String getStartPath() {
    return ProviderSignInStart.PATH;
  }

  /** The text for a refusal code, or null for none or an unknown one. */
  public String refusal(String code) {
    return code == null
        ? null
        : ProviderSignInRefused.Reason.byCode(code).map(reason -> reason.message).orElse(null);
  }

  private Optional<ProviderSignInSettings> settings() {
    if (settings == null) {
      try {
        settings = provider.settings();
      } catch (IllegalStateException e) {
        settings = Optional.empty(); // logged at start; the button then says the default
      }
    }
    return settings;
  }
}

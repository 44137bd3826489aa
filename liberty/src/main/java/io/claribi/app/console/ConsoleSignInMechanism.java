package io.claribi.app.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Form sign-in for the console. A signed-out browser asking for a protected console page is
 * redirected (not forwarded, so the address bar shows it) to the sign-in page, and after signing in
 * it is sent back to the page it asked for. Which pages are protected is said by the security
 * constraints in {@code web.xml}; {@code /api/v1} has none and keeps to bearer tokens.
 */
@ApplicationScoped
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue =
        @LoginToContinue(
            loginPage = ConsoleSignInMechanism.SIGN_IN_PAGE,
            useForwardToLogin = false,
            errorPage = ""))
public class ConsoleSignInMechanism {

  public static final String SIGN_IN_PAGE = "/console/sign-in.xhtml";
  public static final String HOME_PAGE = "/console/index.xhtml";
}

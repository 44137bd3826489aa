package io.claribi.app.console;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * {@code POST /console/sign-out}: ends the container's authentication and the HTTP session, then
 * sends the browser to the sign-in page, or, for a user the identity provider signed in, to the
 * provider's logout (RP-initiated logout) which sends it back there. POST only, so a link on
 * another site cannot sign anyone out (and the SameSite session cookie is not sent on a cross-site
 * POST). Declared in {@code web.xml}, which is metadata-complete.
 */
public class SignOut extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient ProviderUsers providerUsers;
  @Inject transient IdentityProvider provider;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Optional<URI> providerLogout = providerUsers.signedIn().flatMap(provider::logout);
    request.logout();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    response.setHeader("Cache-Control", "no-store");
    response.sendRedirect(
        providerLogout
            .map(URI::toString)
            .orElse(
                request.getContextPath()
                    + ConsoleSignInMechanism.SIGN_IN_PAGE
                    + "?signed-out=true"));
  }
}

package io.claribi.app.console;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * {@code GET /console/oidc/start}: starts a sign-in with the identity provider. It keeps a fresh
 * {@link ProviderSignInFlow} in this browser's session (replacing one started before) and sends the
 * browser to the provider's authorization endpoint with the flow's state, nonce and PKCE challenge.
 * 404 when the console does not sign in with a provider. Declared in {@code web.xml}.
 */
public class ProviderSignInStart extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ProviderSignInStart.class.getName());
  static final String PATH = "/console/oidc/start";

  @Inject transient IdentityProvider provider;
  @Inject transient Clock clock;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Cache-Control", "no-store");
    if (!provider.configured()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    ProviderSignInFlow flow = ProviderSignInFlow.start(clock.instant());
    try {
      String authorization = provider.authorizationRequest(flow).toString();
      request.getSession(true).setAttribute(ProviderSignInFlow.SESSION_ATTRIBUTE, flow);
      response.sendRedirect(authorization);
    } catch (ProviderSignInRefused e) {
      LOG.warning(
          "A console sign-in with the identity provider could not start: " + e.getMessage());
      response.sendRedirect(ProviderSignInCallback.refusedPage(request, e.reason));
    }
  }
}

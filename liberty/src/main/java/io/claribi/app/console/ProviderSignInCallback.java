package io.claribi.app.console;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * {@code GET /console/oidc/callback}: where the identity provider sends the browser back. In this
 * order: the flow this browser's session started is taken out of the session (so a callback URL
 * works once), the {@code state} must be that flow's, the provider must not have answered with an
 * error, the {@code iss} parameter (RFC 9207) must name the configured issuer where the provider
 * sends one, the code is redeemed with the PKCE verifier, and the ID token must pass {@link
 * ProviderIdTokens} and name an organization and a console role ({@link ProviderIdentity}). Only
 * then does the session get a new id and the identity, and the container authenticates it. Anything
 * else ends on the sign-in page with a fixed message and no session identity.
 */
public class ProviderSignInCallback extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ProviderSignInCallback.class.getName());

  @Inject transient IdentityProvider provider;
  @Inject transient SecurityContext security;
  @Inject transient SignInRecords records;
  @Inject transient Clock clock;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Cache-Control", "no-store");
    if (!provider.configured()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String address = String.valueOf(request.getRemoteAddr());
    try {
      ProviderIdentity identity = verified(request);
      // a session id known before the sign-in (it carried the flow) is worth nothing after it
      request.changeSessionId();
      HttpSession session = request.getSession();
      session.setAttribute(ProviderUsers.SESSION_ATTRIBUTE, identity);
      AuthenticationStatus status =
          security.authenticate(
              request,
              response,
              withParams().newAuthentication(true).credential(new ProviderCredential(identity)));
      switch (status) {
        case SEND_CONTINUE -> records.signedIn(identity.name(), address); // sent on already
        case SUCCESS -> {
          records.signedIn(identity.name(), address);
          response.sendRedirect(ReturnAddress.after(request, OpenedFromTheConsole.PAGES));
        }
        default -> {
          session.removeAttribute(ProviderUsers.SESSION_ATTRIBUTE);
          throw new ProviderSignInRefused(
              ProviderSignInRefused.Reason.NOT_CONFIGURED,
              "the container did not accept the verified identity of '"
                  + identity.name()
                  + "' ("
                  + status
                  + ")");
        }
      }
    } catch (ProviderSignInRefused e) {
      LOG.warning(
          "A console sign-in with the identity provider from "
              + address
              + " was refused ("
              + e.reason.code
              + "): "
              + e.getMessage());
      response.sendRedirect(refusedPage(request, e.reason));
    }
  }

  private ProviderIdentity verified(HttpServletRequest request) throws ProviderSignInRefused {
    ProviderSignInFlow flow = takeFlow(request);
    AuthenticationResponse answer = parse(request);
    String state = answer.getState() == null ? "" : answer.getState().getValue();
    if (flow == null
        || flow.expiredAt(clock.instant())
        || !MessageDigest.isEqual(
            state.getBytes(StandardCharsets.UTF_8),
            flow.state().getBytes(StandardCharsets.UTF_8))) {
      throw new ProviderSignInRefused(
          ProviderSignInRefused.Reason.STATE,
          flow == null
              ? "no sign-in was started in this browser session (or its callback was used already)"
              : flow.expiredAt(clock.instant())
                  ? "the sign-in started more than " + ProviderSignInFlow.LIFETIME + " ago"
                  : "the state does not match the sign-in this browser started");
    }
    provider.checkResponseIssuer(answer.getIssuer());
    if (answer instanceof AuthenticationErrorResponse error) {
      throw new ProviderSignInRefused(
          ProviderSignInRefused.Reason.DENIED,
          "the provider answered " + error.getErrorObject().getCode());
    }
    AuthorizationCode code = answer.toSuccessResponse().getAuthorizationCode();
    if (code == null) {
      throw new ProviderSignInRefused(
          ProviderSignInRefused.Reason.DENIED, "the provider's answer carries no code");
    }
    return provider.redeem(code, flow);
  }

  /** The flow this session started, removed from it: a callback is good for one use. */
  private static ProviderSignInFlow takeFlow(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Object flow = session.getAttribute(ProviderSignInFlow.SESSION_ATTRIBUTE);
    session.removeAttribute(ProviderSignInFlow.SESSION_ATTRIBUTE);
    return flow instanceof ProviderSignInFlow started ? started : null;
  }

  private static AuthenticationResponse parse(HttpServletRequest request)
      throws ProviderSignInRefused {
    String query = request.getQueryString();
    try {
      return AuthenticationResponseParser.parse(
          URI.create(request.getRequestURL() + (query == null ? "" : "?" + query)));
    } catch (ParseException | IllegalArgumentException e) {
      throw new ProviderSignInRefused(
          ProviderSignInRefused.Reason.STATE, "the callback's query does not parse", e);
    }
  }

  /** The sign-in page with the refusal's code; the page shows the code's fixed text. */
  static String refusedPage(HttpServletRequest request, ProviderSignInRefused.Reason reason) {
    return request.getContextPath()
        + ConsoleSignInMechanism.SIGN_IN_PAGE
        + "?refused="
        + reason.code;
  }
}

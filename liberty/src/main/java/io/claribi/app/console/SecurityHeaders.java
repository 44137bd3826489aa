package io.claribi.app.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The console's response headers (decision 48), on every page, error page and asset: no other site
 * may frame it, the browser runs no script and loads nothing from elsewhere, guesses no content
 * type, sends the address of a console page to no other site, and keeps no copy of a page, so Back
 * after sign-out shows nothing of the organization. A servlet filter declared in {@code web.xml}
 * (metadata-complete), so the WAR behaves the same on any Jakarta EE server. Set before the page is
 * rendered, so a response committed early carries them too.
 */
public class SecurityHeaders extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /**
   * Everything from this origin except script, which the plain-Faces pages never need (decision
   * 29); no plugins; no {@code <base>}; no framing. {@code form-action} is left out on purpose: the
   * Connect button's post is answered with a redirect to the vendor's consent screen, on an origin
   * only the catalog knows, and Chromium applies {@code form-action} to that redirect.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none';"
          + " frame-ancestors 'none'";

  static final String ASSETS = "/console/assets/";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Frame-Options", "DENY"); // for browsers without frame-ancestors
    response.setHeader("X-Content-Type-Options", "nosniff");
    // same-origin: the console's own links still name the page they come from, which the check
    // of the operator pages reads on browsers without Fetch Metadata (OpenedFromTheConsole).
    response.setHeader("Referrer-Policy", "same-origin");
    if (!request.getRequestURI().startsWith(request.getContextPath() + ASSETS)) {
      response.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(request, response);
  }
}

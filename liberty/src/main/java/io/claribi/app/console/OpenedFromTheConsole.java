package io.claribi.app.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;

/**
 * The operator pages whose forms change what every organization depends on (Keys, Review queue)
 * open only by following a link of the console itself: a typed address, a bookmark or another
 * site's link gets "Open this page from the console". It replaces Faces protected views, whose
 * token travelled in the links' URLs into browser history and proxy logs (decision 48). The browser
 * says where a navigation started in {@code Sec-Fetch-Site} (Fetch Metadata); a browser that does
 * not send it is asked for a same-origin {@code Referer} instead (the console's Referrer-Policy is
 * {@code same-origin}). Only GET and HEAD are checked: posts are protected by their view state.
 */
public class OpenedFromTheConsole extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** The pages that open only from a console link. */
  public static final Set<String> PAGES = Set.of("/console/keys.xhtml", "/console/review.xhtml");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (isLinkOnly(request) && !fromTheConsole(request)) {
      response.sendRedirect(request.getContextPath() + FormNoLongerValid.OPEN_FROM_CONSOLE);
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean isLinkOnly(HttpServletRequest request) {
    String method = request.getMethod();
    return ("GET".equals(method) || "HEAD".equals(method))
        && PAGES.contains(
            request.getServletPath()
                + (request.getPathInfo() == null ? "" : request.getPathInfo()));
  }

  static boolean fromTheConsole(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null) {
      return "same-origin".equals(site);
    }
    return sameOrigin(request.getHeader("Referer"), request);
  }

  private static boolean sameOrigin(String referer, HttpServletRequest request) {
    if (referer == null) {
      return false;
    }
    try {
      URI from = URI.create(referer);
      String host = request.getHeader("Host");
      return from.getRawAuthority() != null
          && from.getRawAuthority().equalsIgnoreCase(host)
          && from.getScheme() != null
          && from.getScheme().equalsIgnoreCase(request.getScheme());
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }
}

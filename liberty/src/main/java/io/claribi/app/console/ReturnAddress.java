package io.claribi.app.console;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Where a browser goes after signing in: the console page it first asked for, which Liberty
 * remembers in its {@code WASReqURL} cookie when it sends the browser to the sign-in page. Only the
 * path and query of a console page of this application are taken from it, never a host, so a
 * planted cookie cannot turn the sign-in into an open redirect.
 */
final class ReturnAddress {

  static final String COOKIE = "WASReqURL";

  private ReturnAddress() {}

  /**
   * The page to return to, relative to the server; the console's home page when there is none, or
   * when it is a page that opens only from a console link ({@link OpenedFromTheConsole}), not from
   * a remembered address.
   *
   * @param protectedViews the pages that open only from a console link, e.g. {@code
   *     /console/keys.xhtml}
   */
  static String after(HttpServletRequest request, Set<String> protectedViews) {
    String console = request.getContextPath() + "/console/";
    return remembered(request)
        .flatMap(ReturnAddress::pathAndQuery)
        .filter(path -> path.startsWith(console))
        .filter(
            path ->
                !path.startsWith(request.getContextPath() + ConsoleSignInMechanism.SIGN_IN_PAGE))
        .filter(path -> !path.startsWith(console + "sign-out"))
        .filter(
            path -> !isProtected(path.substring(request.getContextPath().length()), protectedViews))
        .orElse(request.getContextPath() + ConsoleSignInMechanism.HOME_PAGE);
  }

  private static boolean isProtected(String path, Set<String> protectedViews) {
    int query = path.indexOf('?');
    return protectedViews.contains(query < 0 ? path : path.substring(0, query));
  }

  private static Optional<String> remembered(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    return cookies == null
        ? Optional.empty()
        : Arrays.stream(cookies)
            .filter(c -> COOKIE.equals(c.getName()))
            .map(Cookie::getValue)
            .findFirst();
  }

  /** The path and query of an absolute or relative URL; empty if it does not parse or escapes. */
  static Optional<String> pathAndQuery(String url) {
    try {
      URI uri = new URI(url).normalize();
      String path = uri.getRawPath();
      if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("/../")) {
        return Optional.empty();
      }
      return Optional.of(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}

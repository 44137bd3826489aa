package io.claribi.app.console;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where a browser goes after signing in: the console page it first asked for, which Liberty
 * remembers in its {@code WASReqURL} cookie when it sends the browser to the sign-in page. Only the
 * path and query of a console page of this application are taken from it, never a host, so a
 * planted cookie cannot turn the sign-in into an open redirect.
 */
final class ReturnAddress {

  static final String COOKIE = "WASReqURL";

  private ReturnAddress() {}

  /** The page to return to, relative to the server; the console's home page when there is none. */
  static String after(HttpServletRequest request) {
    String console = request.getContextPath() + "/console/";
    return remembered(request)
        .flatMap(ReturnAddress::pathAndQuery)
        .filter(path -> path.startsWith(console))
        .filter(
            path ->
                !path.startsWith(request.getContextPath() + ConsoleSignInMechanism.SIGN_IN_PAGE))
        .filter(path -> !path.startsWith(console + "sign-out"))
        .orElse(request.getContextPath() + ConsoleSignInMechanism.HOME_PAGE);
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

package io.claribi.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReturnAddressTest {

  private static final Set<String> PROTECTED = Set.of("/console/keys.xhtml");

  @Test
  void a_remembered_console_page_is_where_the_browser_returns() {
    assertThat(
            ReturnAddress.after(
                request("http://localhost:9080/console/audit.xhtml?page=2"), PROTECTED))
        .isEqualTo("/console/audit.xhtml?page=2");
  }

  @Test
  void a_protected_view_is_never_returned_to_without_a_console_link() {
    assertThat(ReturnAddress.after(request("http://localhost:9080/console/keys.xhtml"), PROTECTED))
        .isEqualTo("/console/index.xhtml");
  }

  @Test
  void without_a_remembered_page_the_browser_goes_home() {
    assertThat(ReturnAddress.after(request(null), PROTECTED)).isEqualTo("/console/index.xhtml");
  }

  @Test
  void another_host_is_never_a_destination() {
    assertThat(ReturnAddress.after(request("https://evil.example/console/audit.xhtml"), PROTECTED))
        .as("only the path is kept")
        .isEqualTo("/console/audit.xhtml");
    assertThat(ReturnAddress.after(request("//evil.example/console/audit.xhtml"), PROTECTED))
        .as("a network-path reference loses its host too")
        .isEqualTo("/console/audit.xhtml");
  }

  @Test
  void pages_outside_the_console_and_the_sign_in_page_itself_are_refused() {
    for (String url :
        new String[] {
          "/api/v1/organization",
          "/console/../api/v1/organization",
          "/console/sign-in.xhtml",
          "/console/sign-out",
          "javascript:alert(1)",
          "not a url"
        }) {
      assertThat(ReturnAddress.after(request(url), PROTECTED))
          .as(url)
          .isEqualTo("/console/index.xhtml");
    }
  }

  /** A request with an empty context path and, if not null, Liberty's remembered-page cookie. */
  private static HttpServletRequest request(String remembered) {
    Cookie[] cookies =
        remembered == null ? null : new Cookie[] {new Cookie(ReturnAddress.COOKIE, remembered)};
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            HttpServletRequest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getContextPath" -> "";
                  case "getCookies" -> cookies;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}

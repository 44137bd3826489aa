package io.claribi.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class ReturnAddressTest {

  @Test
  void a_remembered_console_page_is_where_the_browser_returns() {
    assertThat(ReturnAddress.after(request("http://localhost:9080/console/audit.xhtml?page=2")))
        .isEqualTo("/console/audit.xhtml?page=2");
  }

  @Test
  void without_a_remembered_page_the_browser_goes_home() {
    assertThat(ReturnAddress.after(request(null))).isEqualTo("/console/index.xhtml");
  }

  @Test
  void another_host_is_never_a_destination() {
    assertThat(ReturnAddress.after(request("https://evil.example/console/keys.xhtml")))
        .as("only the path is kept")
        .isEqualTo("/console/keys.xhtml");
    assertThat(ReturnAddress.after(request("//evil.example/console/keys.xhtml")))
        .as("a network-path reference loses its host too")
        .isEqualTo("/console/keys.xhtml");
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
      assertThat(ReturnAddress.after(request(url))).as(url).isEqualTo("/console/index.xhtml");
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

package io.claribi.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenedFromTheConsoleTest {

  @Test
  void fetch_metadata_decides_when_the_browser_sends_it() {
    assertThat(OpenedFromTheConsole.fromTheConsole(request("same-origin", null))).isTrue();
    assertThat(OpenedFromTheConsole.fromTheConsole(request("none", null)))
        .as("a typed address or a bookmark")
        .isFalse();
    assertThat(OpenedFromTheConsole.fromTheConsole(request("cross-site", null))).isFalse();
    assertThat(OpenedFromTheConsole.fromTheConsole(request("same-site", null)))
        .as("another port or subdomain of the same site")
        .isFalse();
    assertThat(
            OpenedFromTheConsole.fromTheConsole(
                request("cross-site", "http://console.example:9080/console/index.xhtml")))
        .as("a Referer does not overrule the browser's own word")
        .isFalse();
  }

  @Test
  void without_fetch_metadata_a_same_origin_referer_is_needed() {
    assertThat(
            OpenedFromTheConsole.fromTheConsole(
                request(null, "http://console.example:9080/console/index.xhtml")))
        .isTrue();
    assertThat(OpenedFromTheConsole.fromTheConsole(request(null, null))).isFalse();
    assertThat(
            OpenedFromTheConsole.fromTheConsole(
                request(null, "http://evil.example/console.example:9080/")))
        .isFalse();
    assertThat(
            OpenedFromTheConsole.fromTheConsole(
                request(null, "https://console.example:9080/console/index.xhtml")))
        .as("another scheme")
        .isFalse();
    assertThat(
            OpenedFromTheConsole.fromTheConsole(
                request(null, "http://console.example:9081/console/index.xhtml")))
        .as("another port")
        .isFalse();
    assertThat(OpenedFromTheConsole.fromTheConsole(request(null, "not a URL at all"))).isFalse();
  }

  private static HttpServletRequest request(String fetchSite, String referer) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Host", "console.example:9080");
    headers.put("Sec-Fetch-Site", fetchSite);
    headers.put("Referer", referer);
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            HttpServletRequest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getHeader" -> headers.get((String) args[0]);
                  case "getScheme" -> "http";
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}

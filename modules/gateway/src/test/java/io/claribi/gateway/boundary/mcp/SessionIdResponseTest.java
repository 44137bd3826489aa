package io.claribi.gateway.boundary.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The session id of an {@code initialize} answer is registered before the header reaches the
 * response: a client's next request, however fast, finds its session (a CI run once saw a 404 for a
 * session registered only after the answer had gone out).
 */
class SessionIdResponseTest {

  private final List<String> happened = new ArrayList<>();

  /** A response that only records the headers set on it, in order with the registrations. */
  private HttpServletResponse recording() {
    return (HttpServletResponse)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {HttpServletResponse.class},
            (proxy, method, args) -> {
              if (method.getName().equals("setHeader") || method.getName().equals("addHeader")) {
                happened.add("header " + args[0] + ": " + args[1]);
              }
              return null;
            });
  }

  @Test
  void the_session_is_registered_before_its_header_is_passed_on() {
    SessionIdResponse response =
        new SessionIdResponse(recording(), id -> happened.add("registered " + id));

    response.setHeader("Content-Type", "application/json");
    response.setHeader(McpDispatcher.SESSION_HEADER, "s-1");

    assertThat(happened)
        .containsExactly(
            "header Content-Type: application/json",
            "registered s-1",
            "header " + McpDispatcher.SESSION_HEADER + ": s-1");
  }

  @Test
  void the_header_in_any_case_and_by_add_counts_once() {
    SessionIdResponse response =
        new SessionIdResponse(recording(), id -> happened.add("registered " + id));

    response.addHeader(McpDispatcher.SESSION_HEADER.toLowerCase(java.util.Locale.ROOT), "s-2");
    response.setHeader(McpDispatcher.SESSION_HEADER, "s-2");

    assertThat(happened)
        .filteredOn(event -> event.startsWith("registered"))
        .containsExactly("registered s-2");
  }

  @Test
  void an_answer_without_a_session_registers_nothing() {
    SessionIdResponse response =
        new SessionIdResponse(recording(), id -> happened.add("registered " + id));

    response.setHeader("Content-Type", "application/json");

    assertThat(happened).containsExactly("header Content-Type: application/json");
  }
}

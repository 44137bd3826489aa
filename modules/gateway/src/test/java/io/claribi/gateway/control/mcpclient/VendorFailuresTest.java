package io.claribi.gateway.control.mcpclient;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpTransportException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class VendorFailuresTest {

  @Test
  void a_time_out_is_503_with_retry_after() {
    var problem = VendorFailures.classify(new RuntimeException(new TimeoutException()), "acme", 30);

    assertThat(problem.status()).isEqualTo(503);
    assertThat(problem.code()).isEqualTo("VENDOR_UNAVAILABLE");
    assertThat(problem.retryAfterSeconds()).hasValue(30);
  }

  @Test
  void a_refused_connection_is_503() {
    var problem =
        VendorFailures.classify(new RuntimeException(new ConnectException("refused")), "acme", 5);

    assertThat(problem.code()).isEqualTo("VENDOR_UNAVAILABLE");
  }

  @Test
  void a_json_rpc_error_is_502_with_the_vendors_message_sanitised() {
    var error =
        new McpError(
            new McpSchema.JSONRPCResponse.JSONRPCError(
                -32000, "bad\u0000 thing\u202e happened\n<script>", null));

    var problem = VendorFailures.classify(error, "acme", 5);

    assertThat(problem.status()).isEqualTo(502);
    assertThat(problem.code()).isEqualTo("VENDOR_ERROR");
    assertThat(problem.detail()).contains("bad thing happened <script>").doesNotContain("\u202e");
    assertThat(VendorFailures.breaksSession(error)).isFalse();
  }

  @Test
  void an_error_the_sdk_made_from_a_local_failure_is_not_the_vendors_message() {
    var local = new McpError(new McpSchema.JSONRPCResponse.JSONRPCError(-32603, "boom", null));
    local.initCause(new java.io.IOException("connection reset"));

    var problem = VendorFailures.classify(local, "acme", 5);

    assertThat(problem.code()).isEqualTo("VENDOR_UNAVAILABLE");
    assertThat(VendorFailures.breaksSession(local)).isTrue();
  }

  @Test
  void the_transports_size_limit_is_too_large_not_a_vendor_error() {
    var cutOff =
        new io.modelcontextprotocol.spec.McpTransportException(
            "Inbound response body exceeds the maximum allowed size of 8388608 bytes");

    var problem = VendorFailures.classify(cutOff, "acme", 5);

    assertThat(problem.code()).isEqualTo("VENDOR_RESPONSE_TOO_LARGE");
  }

  @Test
  void sanitising_bounds_the_length_and_keeps_one_line() {
    String sanitised = VendorFailures.sanitise("a\r\nb\t" + "x".repeat(1000));

    assertThat(sanitised).startsWith("a b x").hasSize(VendorFailures.MAX_MESSAGE + 1);
    assertThat(VendorFailures.sanitise(null)).isEqualTo("(no message)");
  }

  @Test
  void a_step_up_challenge_is_refused_with_the_scope_it_asked_for() {
    var refused =
        new McpHttpClientTransportAuthorizationException(
            "forbidden",
            null,
            response(403, "Bearer error=\"insufficient_scope\", scope=\"payments:write\""));

    var problem = VendorFailures.classify(new RuntimeException(refused), "acme", 5);

    assertThat(problem.status()).isEqualTo(403);
    assertThat(problem.code()).isEqualTo("VENDOR_SCOPE_STEP_UP_REFUSED");
    assertThat(problem.detail()).contains("payments:write").contains("never asks");
  }

  @Test
  void a_refused_token_without_a_step_up_challenge_stays_an_authorization_failure() {
    var refused =
        new McpHttpClientTransportAuthorizationException(
            "unauthorized", null, response(401, "Bearer error=\"invalid_token\""));

    var problem = VendorFailures.classify(refused, "acme", 5);

    assertThat(problem.code()).isEqualTo("VENDOR_AUTHORIZATION_FAILED");
  }

  private static final java.util.regex.Pattern JAVA_NAMES =
      java.util.regex.Pattern.compile(
          "\\b(java|javax|jakarta|reactor|io\\.modelcontextprotocol)\\.[a-z]"
              + "|\\b[A-Z][A-Za-z]*(Exception|Error|Event)\\b");

  @Test
  void a_session_ended_under_a_call_is_503_not_a_vendor_error() {
    var problem =
        VendorFailures.classify(
            new RuntimeException("MCP session with server terminated"), "acme", 7);

    assertThat(problem.status()).isEqualTo(503);
    assertThat(problem.code()).isEqualTo("VENDOR_UNAVAILABLE");
    assertThat(problem.retryAfterSeconds()).hasValue(7);
    assertThat(problem.detail()).doesNotContainPattern(JAVA_NAMES);
  }

  @Test
  void an_unexpected_failure_names_no_java_class() {
    for (RuntimeException failure :
        List.of(
            new RuntimeException("boom"),
            new NullPointerException("Cannot invoke \"java.util.Map.get(Object)\""),
            new IllegalArgumentException("Tool call result validation failed"),
            new RuntimeException(
                "Failed to send message: AggregateResponseEvent[responseInfo=x, data=y]"))) {
      var problem = VendorFailures.classify(failure, "acme", 5);

      assertThat(problem.code()).as(failure.toString()).isEqualTo("VENDOR_ERROR");
      assertThat(problem.detail())
          .as(failure.toString())
          .isEqualTo("acme failed the exchange; the server log has the details.")
          .doesNotContainPattern(JAVA_NAMES);
    }
  }

  @Test
  void a_transport_failure_shows_only_its_http_status() {
    var refused =
        new McpTransportException(
            "Server Not Found. Status code:404, response-event:"
                + " DummyEvent[responseInfo=jdk.internal.net.http.ResponseInfoImpl@1]");
    var failing = new McpTransportException("Invalid request. Status code: 502");

    var notFound = VendorFailures.classify(refused, "acme", 5);
    var down = VendorFailures.classify(new RuntimeException(failing), "acme", 5);

    assertThat(notFound.code()).isEqualTo("VENDOR_ERROR");
    assertThat(notFound.detail()).isEqualTo("acme failed the exchange (HTTP 404).");
    assertThat(down.code()).isEqualTo("VENDOR_UNAVAILABLE");
    assertThat(down.detail()).isEqualTo("acme is failing (HTTP 502); try again later.");
  }

  @Test
  void a_malformed_reply_names_no_parser_class() {
    var malformed =
        new McpTransportException(
            "Error deserializing JSON-RPC message: AggregateResponseEvent[data=<not json>]",
            new tools.jackson.core.exc.StreamReadException(null, "Unexpected character '<'"));

    var problem = VendorFailures.classify(malformed, "acme", 5);

    assertThat(problem.code()).isEqualTo("VENDOR_RESPONSE_MALFORMED");
    assertThat(problem.detail()).doesNotContainPattern(JAVA_NAMES);
  }

  @Test
  void only_a_failure_of_the_transport_retires_the_shared_session() {
    assertThat(VendorFailures.breaksSession(new RuntimeException(new TimeoutException())))
        .as("a time-out is the call's own")
        .isFalse();
    assertThat(
            VendorFailures.breaksSession(
                new McpTransportException(
                    "Inbound response body exceeds the maximum allowed size of 8 bytes")))
        .as("an oversized reply is the call's own")
        .isFalse();
    assertThat(
            VendorFailures.breaksSession(
                new McpTransportException(
                    "bad", new tools.jackson.core.exc.StreamReadException(null, "Unexpected '<'"))))
        .as("a malformed reply is the call's own")
        .isFalse();
    assertThat(
            VendorFailures.breaksSession(
                new io.modelcontextprotocol.spec.McpTransportSessionNotFoundException("gone")))
        .isTrue();
    assertThat(VendorFailures.breaksSession(new RuntimeException(new ConnectException("refused"))))
        .isTrue();
  }

  @Test
  void a_message_that_found_no_credential_was_not_sent_and_is_503() {
    var unsent = new VendorTransport.NoCredentialLent("a POST");

    var problem = VendorFailures.classify(unsent, "acme", 5);

    assertThat(problem.code()).isEqualTo("VENDOR_UNAVAILABLE");
    assertThat(problem.detail()).startsWith("Nothing was sent").doesNotContainPattern(JAVA_NAMES);
    assertThat(VendorFailures.breaksSession(unsent)).isFalse();
  }

  @Test
  void the_log_account_of_a_failure_unwraps_the_lenders_problem() {
    var gone =
        new java.util.concurrent.CompletionException(
            io.claribi.platform.api.ProblemException.notFound("Connection c1"));

    assertThat(VendorFailures.describe(gone)).startsWith("NOT_FOUND").contains("c1");
  }

  private static HttpResponse.ResponseInfo response(int status, String challenge) {
    HttpHeaders headers =
        HttpHeaders.of(Map.of("WWW-Authenticate", List.of(challenge)), (name, value) -> true);
    return new HttpResponse.ResponseInfo() {
      @Override
      public int statusCode() {
        return status;
      }

      @Override
      public HttpHeaders headers() {
        return headers;
      }

      @Override
      public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
      }
    };
  }

  // The 2026-07-28 client's failures map to the same problems as the 2025 session's.

  @Test
  void a_stateless_time_out_is_503_like_a_sessions() {
    var problem =
        VendorFailures.classify(
            new io.modelcontextprotocol.modern.client.McpTimeoutException(
                io.modelcontextprotocol.modern.client.McpTimeoutException.Kind.CALL,
                java.time.Duration.ofSeconds(10),
                "tools/call"),
            "acme",
            30);

    assertThat(problem.code()).isEqualTo("VENDOR_UNAVAILABLE");
    assertThat(problem.retryAfterSeconds()).hasValue(30);
  }

  @Test
  void stateless_statuses_map_like_the_sessions_transports() {
    assertThat(VendorFailures.classify(modernStatus(401, Map.of()), "acme", 5).code())
        .isEqualTo("VENDOR_AUTHORIZATION_FAILED");
    assertThat(VendorFailures.classify(modernStatus(503, Map.of()), "acme", 5).code())
        .isEqualTo("VENDOR_UNAVAILABLE");
    var other = VendorFailures.classify(modernStatus(422, Map.of()), "acme", 5);
    assertThat(other.code()).isEqualTo("VENDOR_ERROR");
    assertThat(other.detail()).contains("HTTP 422");
    var stepUp =
        VendorFailures.classify(
            modernStatus(
                403,
                Map.of(
                    "WWW-Authenticate",
                    List.of("Bearer error=\"insufficient_scope\", scope=\"payments:write\""))),
            "acme",
            5);
    assertThat(stepUp.code()).isEqualTo("VENDOR_SCOPE_STEP_UP_REFUSED");
    assertThat(stepUp.detail()).contains("payments:write");
  }

  @Test
  void a_stateless_json_rpc_error_is_502_with_the_vendors_message_sanitised() {
    var problem =
        VendorFailures.classify(
            new io.modelcontextprotocol.modern.McpException(-32602, "bad\u0000 arg\u202e"),
            "acme",
            5);

    assertThat(problem.code()).isEqualTo("VENDOR_ERROR");
    assertThat(problem.detail())
        .contains("answered with an error: bad arg")
        .doesNotContain("\u202e");
  }

  @Test
  void a_stateless_result_that_cannot_be_read_is_malformed() {
    var problem =
        VendorFailures.classify(
            new io.modelcontextprotocol.modern.client.McpInvalidResultException(
                "tools/call", "unknown", "no such result type"),
            "acme",
            5);

    assertThat(problem.code()).isEqualTo("VENDOR_RESPONSE_MALFORMED");
  }

  private static io.modelcontextprotocol.modern.client.transport.McpHttpStatusException
      modernStatus(int status, Map<String, List<String>> headers) {
    return new io.modelcontextprotocol.modern.client.transport.McpHttpStatusException(
        java.net.URI.create("https://acme.example/mcp"),
        status,
        HttpHeaders.of(headers, (a, b) -> true),
        "");
  }
}

package io.claribi.connections.control.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
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
}

package io.claribi.gateway.control.mcpclient;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.credentials.api.Credential;
import io.claribi.gateway.control.GatewaySettings;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.OrganizationId;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real SDK session against a vendor that checks the token on every message: what the SDK sends on
 * its own borrows a credential through the lender, a vendor's request inside a call is answered at
 * once, a change notice goes to the session's re-listing, and a retired session waits for its last
 * call and closes with that call's token.
 */
class VendorSessionTest {

  private static final String ELICIT =
      "{\"jsonrpc\":\"2.0\",\"id\":\"vendor-1\",\"method\":\"elicitation/create\",\"params\":"
          + "{\"message\":\"Export to?\",\"requestedSchema\":{\"type\":\"object\"}}}";
  private static final String TOOLS_CHANGED =
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\"}";

  private final ScriptedMcpServer vendor = new ScriptedMcpServer();
  private final Lender lender = new Lender();
  private final AtomicInteger toolsChanged = new AtomicInteger();
  private final AtomicInteger gone = new AtomicInteger();
  private final VendorSession cut =
      new VendorSession(
          vendor.url(),
          new Settings(),
          new JacksonMcpJsonMapper(JsonMapper.shared()),
          "1",
          new Borrowing(
              lender, new OrganizationId("acme"), ConnectionId.random(), gone::incrementAndGet),
          toolsChanged::incrementAndGet);

  @AfterEach
  void stop() {
    cut.retire(false);
    vendor.close();
  }

  @Test
  void a_vendors_request_inside_a_call_is_answered_at_once_with_a_borrowed_token()
      throws Exception {
    vendor.beforeResult(ELICIT);
    warmUp();

    long start = System.nanoTime();
    McpSchema.CallToolResult result = call(new Lent("call-token"));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(result.content().toString()).contains("answered");
    assertThat(took).isLessThan(Duration.ofSeconds(ScriptedMcpServer.WAIT_SECONDS / 2));
    assertThat(vendor.answer(1)).contains("\"id\":\"vendor-1\"").contains("-32601");
    assertThat(vendor.requests).allSatisfy(r -> assertThat(r.authorization()).isNotNull());
    assertThat(vendor.requests.stream().filter(ScriptedMcpServer.Request::answer))
        .singleElement()
        .extracting(ScriptedMcpServer.Request::authorization)
        .isEqualTo("Bearer borrowed-token");
    assertThat(vendor.requests.stream().filter(r -> r.body().contains("tools/call")))
        .singleElement()
        .extracting(ScriptedMcpServer.Request::authorization)
        .isEqualTo("Bearer call-token");
    assertThat(lender.lent).hasValue(1);
  }

  @Test
  void a_message_that_finds_no_credential_is_not_sent() throws Exception {
    lender.refuse = true;
    vendor.beforeResult(ELICIT);

    call(new Lent("call-token")); // the vendor waits for an answer that never comes, then answers

    assertThat(vendor.requests).noneMatch(ScriptedMcpServer.Request::answer);
    assertThat(vendor.requests).allSatisfy(r -> assertThat(r.authorization()).isNotNull());
    assertThat(gone).as("the session learns that its connection is gone").hasValue(1);
  }

  @Test
  void a_tools_change_notice_goes_to_the_sessions_relisting_not_to_the_sdk() {
    vendor.beforeResult(TOOLS_CHANGED);

    call(new Lent("call-token"));

    assertThat(toolsChanged).hasValue(1);
    assertThat(vendor.requests).noneMatch(r -> r.body().contains("tools/list"));
  }

  @Test
  void a_retired_session_closes_after_its_last_call_with_that_calls_token() {
    assertThat(cut.enter()).isTrue();
    assertThat(cut.enter()).isTrue();

    cut.retire(true);
    assertThat(cut.enter()).as("no new call joins a retired session").isFalse();
    cut.exchange(new Lent("first"), client -> client.listTools());
    assertThat(vendor.requests).noneMatch(r -> "DELETE".equals(r.httpMethod()));
    cut.exchange(new Lent("last"), client -> client.listTools());

    assertThat(vendor.requests.stream().filter(r -> "DELETE".equals(r.httpMethod())))
        .singleElement()
        .extracting(ScriptedMcpServer.Request::authorization)
        .isEqualTo("Bearer last");
  }

  @Test
  void a_session_retired_without_telling_the_vendor_sends_no_delete() {
    assertThat(cut.enter()).isTrue();
    cut.exchange(new Lent("only"), client -> client.listTools());

    cut.retire(false);

    assertThat(vendor.requests).noneMatch(r -> "DELETE".equals(r.httpMethod()));
  }

  /** Opens the session first, so that the time measured is the call's alone. */
  private void warmUp() {
    assertThat(cut.enter()).isTrue();
    cut.exchange(new Lent("warm-up"), client -> client.listTools());
  }

  private McpSchema.CallToolResult call(Credential credential) {
    assertThat(cut.enter()).isTrue();
    return cut.exchange(
        credential, client -> client.callTool(new McpSchema.CallToolRequest("t", Map.of())));
  }

  /** A credential lent for one exchange, withdrawn when it returns (as the vault does). */
  static final class Lent implements Credential {
    private final String token;
    volatile boolean withdrawn;

    Lent(String token) {
      this.token = token;
    }

    @Override
    public String accessToken() {
      if (withdrawn) {
        throw new IllegalStateException("withdrawn");
      }
      return token;
    }

    @Override
    public Optional<String> refreshToken() {
      return Optional.empty();
    }

    @Override
    public Optional<Instant> expiresAt() {
      return Optional.of(Instant.now().plusSeconds(60));
    }

    @Override
    public Set<String> scopes() {
      return Set.of("read");
    }

    @Override
    public String tokenType() {
      return "Bearer";
    }
  }

  /** Lends "borrowed-token" on a thread of its own, or refuses as for a disconnected connection. */
  static final class Lender implements CredentialLender {
    final AtomicInteger lent = new AtomicInteger();
    volatile boolean refuse;

    @Override
    public <T> CompletableFuture<T> lend(
        OrganizationId organization, ConnectionId connection, Function<Credential, T> exchange) {
      if (refuse) {
        return CompletableFuture.failedFuture(
            io.claribi.platform.api.ProblemException.notFound("Connection c1"));
      }
      return CompletableFuture.supplyAsync(
          () -> {
            lent.incrementAndGet();
            Lent credential = new Lent("borrowed-token");
            try {
              return exchange.apply(credential);
            } finally {
              credential.withdrawn = true;
            }
          });
    }
  }

  private static final class Settings extends GatewaySettings {
    @Override
    public Duration connectTimeout() {
      return Duration.ofSeconds(5);
    }

    @Override
    public Duration callTimeout() {
      return Duration.ofSeconds(15);
    }

    @Override
    public int maxResponseBytes() {
      return 1 << 20;
    }

    @Override
    public long retryAfterSeconds() {
      return 1;
    }
  }
}

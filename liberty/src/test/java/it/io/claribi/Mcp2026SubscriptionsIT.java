package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.modern.McpSchema.Tool;
import io.modelcontextprotocol.modern.client.McpSyncClient;
import io.modelcontextprotocol.modern.client.SubscriptionEvent;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code subscriptions/listen} of the stateless revision 2026-07-28, with the MCP Java SDK's {@code
 * modern} client: an organization's listener hears {@code notifications/tools/list_changed} when
 * its tools change and nobody else does; what is not served is acknowledged as not honoured; bad
 * requests and too many listeners are refused before a stream opens.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class Mcp2026SubscriptionsIT {

  private static final String REVISION = "2026-07-28";
  private static final String PREFIX = Gateway.VENDOR + "__";
  private static final String TOOL = "retrieve_balance";

  /** The server checks every 2 s (claribi.mcp.tool-change-check); a generous margin on top. */
  private static final long WITHIN_SECONDS = 20;

  /** The IT server's claribi.mcp.subscriptions-per-organization (liberty/pom.xml). */
  private static final int LIMIT = 4;

  @Deployment(testable = false)
  static WebArchive fixture() {
    return Gateway.fixtureWar();
  }

  @ArquillianResource URL fixture;

  private final String operator = Api.token("platform", "platform-operator");
  private final List<McpSyncClient.Listening> listening = new ArrayList<>();

  @AfterEach
  void close() {
    listening.forEach(McpSyncClient.Listening::close);
  }

  @Test
  void a_decision_is_heard_by_the_organizations_listener_and_by_no_one_else() throws Exception {
    String a = Api.newOrganization("mcp26-listen-a");
    String b = Api.newOrganization("mcp26-listen-b");
    String adminA = Gateway.organizationOn(a, "PROFESSIONAL");
    Gateway.organizationOn(b, "PROFESSIONAL");
    Gateway.connect(fixture, adminA, Gateway.VENDOR, true);
    for (String tool : Gateway.READ_TOOLS) {
      assertThat(Gateway.decide(operator, Gateway.VENDOR, tool, "ALLOW").status()).isEqualTo(200);
    }
    McpSyncClient clientA = McpClients.stateless(McpClients.token(a, "integrator"));
    assertThat(clientA.discover().capabilities().tools().listChanged()).isTrue();
    BlockingQueue<SubscriptionEvent> heardByA = listen(clientA);
    BlockingQueue<SubscriptionEvent> heardByB =
        listen(McpClients.stateless(McpClients.token(b, "integrator")));
    for (BlockingQueue<SubscriptionEvent> heard : List.of(heardByA, heardByB)) {
      SubscriptionEvent first = heard.poll(WITHIN_SECONDS, TimeUnit.SECONDS);
      assertThat(first).isInstanceOf(SubscriptionEvent.Subscribed.class);
      assertThat(((SubscriptionEvent.Subscribed) first).honoured().wantsToolsListChanged())
          .isTrue();
    }
    assertThat(toolNames(clientA)).contains(PREFIX + TOOL);
    try {
      deniedAndAllowedAgain(clientA, heardByA, heardByB);
    } finally {
      // Other ITs call the demo vendor's read tools: keep them allowed.
      assertThat(Gateway.decide(operator, Gateway.VENDOR, TOOL, "ALLOW").status()).isEqualTo(200);
    }
  }

  private void deniedAndAllowedAgain(
      McpSyncClient clientA,
      BlockingQueue<SubscriptionEvent> heardByA,
      BlockingQueue<SubscriptionEvent> heardByB)
      throws InterruptedException {
    assertThat(Gateway.decide(operator, Gateway.VENDOR, TOOL, "DENY").status()).isEqualTo(200);

    assertThat(heardByA.poll(WITHIN_SECONDS, TimeUnit.SECONDS))
        .as("A heard within %d s", WITHIN_SECONDS)
        .isInstanceOf(SubscriptionEvent.ToolsListChanged.class);
    assertThat(toolNames(clientA))
        .doesNotContain(PREFIX + TOOL)
        .contains(PREFIX + "list_customers");

    assertThat(Gateway.decide(operator, Gateway.VENDOR, TOOL, "ALLOW").status()).isEqualTo(200);

    assertThat(heardByA.poll(WITHIN_SECONDS, TimeUnit.SECONDS))
        .isInstanceOf(SubscriptionEvent.ToolsListChanged.class);
    assertThat(toolNames(clientA)).contains(PREFIX + TOOL);
    // B has no connection to the vendor: nothing it can call changed, so it heard nothing.
    assertThat(heardByB).isEmpty();
    // Nothing more changes: A hears nothing more (two checks pass).
    assertThat(heardByA.poll(5, TimeUnit.SECONDS)).isNull();
  }

  @Test
  void what_is_not_served_is_acknowledged_as_not_honoured_and_the_stream_ends() throws Exception {
    String c = Api.newOrganization("mcp26-listen-prompts");
    Gateway.organizationOn(c, "PROFESSIONAL");
    BlockingQueue<SubscriptionEvent> heard = new LinkedBlockingQueue<>();
    BlockingQueue<String> ends = new LinkedBlockingQueue<>();

    listening.add(
        McpClients.stateless(McpClients.token(c, "integrator"))
            .listen()
            .promptsChanged()
            .open(
                new io.modelcontextprotocol.modern.client.McpSyncSubscriptionListener() {
                  @Override
                  public void onEvent(SubscriptionEvent event) {
                    heard.add(event);
                  }

                  @Override
                  public void onError(Throwable failure) {
                    ends.add("error: " + failure);
                  }

                  @Override
                  public void onComplete() {
                    ends.add("complete");
                  }
                }));

    SubscriptionEvent first = heard.poll(WITHIN_SECONDS, TimeUnit.SECONDS);
    assertThat(first).isInstanceOf(SubscriptionEvent.Subscribed.class);
    SubscriptionEvent.Subscribed subscribed = (SubscriptionEvent.Subscribed) first;
    assertThat(subscribed.honoured().isEmpty()).isTrue();
    assertThat(subscribed.missing().wantsPromptsListChanged()).isTrue();
    assertThat(ends.poll(WITHIN_SECONDS, TimeUnit.SECONDS)).isEqualTo("complete");
  }

  @Test
  void a_listen_without_a_filter_is_invalid_params_and_opens_no_stream() {
    String d = Api.newOrganization("mcp26-listen-bad");
    Gateway.organizationOn(d, "PROFESSIONAL");

    Api.Reply reply = Api.send(listenRequest(McpClients.token(d, "integrator"), "{}"));

    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/json");
    assertThat(reply.json().getJsonObject("error").getInt("code")).isEqualTo(-32602);
  }

  @Test
  void an_organization_holds_at_most_its_limit_of_listeners() throws Exception {
    String e = Api.newOrganization("mcp26-listen-limit");
    String f = Api.newOrganization("mcp26-listen-other");
    Gateway.organizationOn(e, "PROFESSIONAL");
    Gateway.organizationOn(f, "PROFESSIONAL");
    String token = McpClients.token(e, "integrator");
    for (int i = 0; i < LIMIT; i++) {
      BlockingQueue<SubscriptionEvent> heard = listen(McpClients.stateless(token));
      assertThat(heard.poll(WITHIN_SECONDS, TimeUnit.SECONDS))
          .isInstanceOf(SubscriptionEvent.Subscribed.class);
    }

    Api.Reply refused =
        Api.send(listenRequest(token, "{\"notifications\":{\"toolsListChanged\":true}}"));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    JsonObject error = refused.json().getJsonObject("error");
    assertThat(error.getInt("code")).isEqualTo(-32600);
    assertThat(error.getJsonObject("data").getString("code"))
        .isEqualTo("MCP_SUBSCRIPTIONS_EXHAUSTED");
    // Another organization's listeners are not counted against it.
    assertThat(
            listen(McpClients.stateless(McpClients.token(f, "integrator")))
                .poll(WITHIN_SECONDS, TimeUnit.SECONDS))
        .isInstanceOf(SubscriptionEvent.Subscribed.class);
  }

  /** Opens a tool-list subscription and hands each event to the queue returned. */
  private BlockingQueue<SubscriptionEvent> listen(McpSyncClient client) {
    BlockingQueue<SubscriptionEvent> heard = new LinkedBlockingQueue<>();
    listening.add(client.listen().toolsChanged().open(heard::add));
    return heard;
  }

  private static List<String> toolNames(McpSyncClient client) {
    return client.listTools().skipCache().list().tools().stream().map(Tool::name).toList();
  }

  private static HttpRequest.Builder listenRequest(String token, String params) {
    String withMeta =
        params.substring(0, params.length() - 1)
            + (params.equals("{}") ? "" : ",")
            + "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\""
            + REVISION
            + "\",\"io.modelcontextprotocol/clientCapabilities\":{}}}";
    return Api.request("/mcp", token)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .header("MCP-Protocol-Version", REVISION)
        .header("Mcp-Method", "subscriptions/listen")
        .POST(
            HttpRequest.BodyPublishers.ofString(
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"subscriptions/listen\",\"params\":"
                    + withMeta
                    + "}"));
  }
}

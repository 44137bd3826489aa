package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
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
 * Open MCP sessions hear {@code notifications/tools/list_changed} when their organization's tools
 * change, whatever changed them, and only then: the SDK's own client, listening on its event
 * stream, re-lists on each notification, so each notification is seen with the list it led to.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class McpToolsChangedIT {

  private static final String PREFIX = Gateway.VENDOR + "__";
  private static final String TOOL = "retrieve_balance";

  /** The server checks every 2 s (claribi.mcp.tool-change-check); a generous margin on top. */
  private static final long WITHIN_SECONDS = 20;

  @Deployment(testable = false)
  static WebArchive fixture() {
    return Gateway.fixtureWar();
  }

  @ArquillianResource URL fixture;

  private final String operator = Api.token("platform", "platform-operator");
  private final List<McpSyncClient> clients = new ArrayList<>();

  @AfterEach
  void closeAndRestore() {
    clients.forEach(McpSyncClient::closeGracefully);
    // Other ITs call the demo vendor's read tools: keep them allowed.
    assertThat(Gateway.decide(operator, Gateway.VENDOR, TOOL, "ALLOW").status()).isEqualTo(200);
  }

  @Test
  void a_decision_and_a_disconnect_are_told_to_the_organizations_sessions_and_no_one_else()
      throws Exception {
    String a = Api.newOrganization("mcp-changed-a");
    String b = Api.newOrganization("mcp-changed-b");
    String adminA = Gateway.organizationOn(a, "PROFESSIONAL");
    Gateway.organizationOn(b, "PROFESSIONAL");
    String connection = Gateway.connect(fixture, adminA, Gateway.VENDOR, true);
    for (String tool : Gateway.READ_TOOLS) {
      assertThat(Gateway.decide(operator, Gateway.VENDOR, tool, "ALLOW").status()).isEqualTo(200);
    }
    BlockingQueue<List<String>> heardByA = new LinkedBlockingQueue<>();
    BlockingQueue<List<String>> heardByB = new LinkedBlockingQueue<>();
    McpSyncClient clientA = listeningClient(a, heardByA);
    McpSyncClient clientB = listeningClient(b, heardByB);
    assertThat(names(clientA.listTools().tools())).contains(PREFIX + TOOL);
    assertThat(clientB.listTools().tools()).isEmpty();

    assertThat(Gateway.decide(operator, Gateway.VENDOR, TOOL, "DENY").status()).isEqualTo(200);

    List<String> afterDeny = heardByA.poll(WITHIN_SECONDS, TimeUnit.SECONDS);
    assertThat(afterDeny).as("A's session was told within %d s", WITHIN_SECONDS).isNotNull();
    assertThat(afterDeny).doesNotContain(PREFIX + TOOL).contains(PREFIX + "list_customers");

    assertThat(Gateway.decide(operator, Gateway.VENDOR, TOOL, "ALLOW").status()).isEqualTo(200);

    assertThat(heardByA.poll(WITHIN_SECONDS, TimeUnit.SECONDS)).contains(PREFIX + TOOL);

    Api.Reply disconnected = Api.delete("/api/v1/connections/" + connection, adminA);
    assertThat(disconnected.status()).as(disconnected.toString()).isIn(200, 204);

    assertThat(heardByA.poll(WITHIN_SECONDS, TimeUnit.SECONDS))
        .as("after the disconnect")
        .isNotNull()
        .noneMatch(name -> name.startsWith(PREFIX));
    // B has no connection to the vendor: nothing it can call changed, so it heard nothing.
    assertThat(heardByB).isEmpty();
  }

  @Test
  void nothing_is_told_while_nothing_changes() throws Exception {
    String c = Api.newOrganization("mcp-unchanged");
    String adminC = Gateway.organizationOn(c, "PROFESSIONAL");
    Gateway.connect(fixture, adminC, Gateway.VENDOR, true);
    BlockingQueue<List<String>> heard = new LinkedBlockingQueue<>();
    McpSyncClient client = listeningClient(c, heard);
    client.listTools();

    // Three checks pass; calls and other organizations' activity do not change C's list.
    assertThat(heard.poll(7, TimeUnit.SECONDS)).isNull();
  }

  /** A 2025 client that opens its event stream and hands each re-listing to {@code heard}. */
  private McpSyncClient listeningClient(String org, BlockingQueue<List<String>> heard) {
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder(Api.BASE)
            .endpoint("/mcp")
            .requestBuilder(
                HttpRequest.newBuilder()
                    .header("Authorization", "Bearer " + McpClients.token(org, "integrator")))
            .openConnectionOnStartup(true)
            .build();
    McpSyncClient client =
        McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(20))
            .toolsChangeConsumer(tools -> heard.add(names(tools)))
            .build();
    clients.add(client);
    client.initialize();
    assertThat(client.getServerCapabilities().tools().listChanged()).isTrue();
    return client;
  }

  private static List<String> names(List<Tool> tools) {
    return tools.stream().map(Tool::name).toList();
  }
}

package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.modern.McpSchema.Resource;
import io.modelcontextprotocol.modern.McpSchema.TextResourceContents;
import io.modelcontextprotocol.modern.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Resources on {@code /mcp}, in both revisions: the demo vendor's resources (enabled for it by the
 * IT catalog) under URIs of ours, read through the gateway's road; URIs that are not the caller's
 * reach no vendor; two connections to one vendor never share a URI.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class McpResourcesIT {

  private static final String REPORT = "acme://reports/monthly-revenue";
  private static final String OURS =
      "claribi://acme-payments/acme%3A%2F%2Freports%2Fmonthly-revenue";

  @Deployment(testable = false)
  static WebArchive fixture() {
    return Gateway.fixtureWar();
  }

  @ArquillianResource URL fixture;

  // One connected organization for the class: connecting is the slow part.
  private static String orgA;
  private static String orgB;

  @BeforeEach
  void connectOnce() {
    if (orgA == null) {
      DemoVendor.reset();
      String a = Api.newOrganization("mcp-res-a");
      String b = Api.newOrganization("mcp-res-b");
      String adminA = Gateway.organizationOn(a, "PROFESSIONAL");
      Gateway.organizationOn(b, "PROFESSIONAL");
      Gateway.connect(fixture, adminA, Gateway.VENDOR, true);
      orgA = a;
      orgB = b;
    }
    DemoVendor.clearLog();
  }

  @Test
  void both_revisions_list_the_same_resources_under_uris_of_ours_and_read_through_the_vendor() {
    String token = McpClients.token(orgA, "integrator");
    McpSyncClient stateless = McpClients.stateless(token);
    assertThat(stateless.discover().capabilities().resources()).isNotNull();

    List<String> listed2026 =
        stateless.resources().list().resources().stream().map(Resource::uri).toList();
    List<String> listed2025;
    io.modelcontextprotocol.client.McpSyncClient sessions = sessionsClient(token);
    try {
      listed2025 =
          sessions.listResources().resources().stream().map(McpSchema.Resource::uri).toList();
      McpSchema.ReadResourceResult read2025 =
          sessions.readResource(new McpSchema.ReadResourceRequest(OURS));
      assertThat(((McpSchema.TextResourceContents) read2025.contents().get(0)).uri())
          .isEqualTo(OURS);
    } finally {
      sessions.closeGracefully();
    }

    assertThat(listed2026).contains(OURS).isSorted();
    assertThat(listed2026).allMatch(uri -> uri.startsWith("claribi://acme-payments/"));
    assertThat(listed2025).containsExactlyElementsOf(listed2026);
    ReadResourceResult read = stateless.resource(OURS).read();
    TextResourceContents contents = (TextResourceContents) read.contents().get(0);
    assertThat(contents.uri()).isEqualTo(OURS);
    assertThat(contents.text()).isNotBlank();
    // The vendor saw its own URI, twice (one read per revision), and the lists.
    assertThat(DemoVendor.requests("resources/read").getValuesAs(JsonObject.class))
        .extracting(entry -> entry.getString("resource_uri"))
        .containsExactly(REPORT, REPORT);
    assertThat(DemoVendor.requests("resources/list")).hasSize(2);
  }

  @Test
  void a_uri_that_is_not_the_callers_is_not_found_and_reaches_no_vendor() {
    McpSyncClient clientA = McpClients.stateless(McpClients.token(orgA, "integrator"));
    McpSyncClient clientB = McpClients.stateless(McpClients.token(orgB, "integrator"));

    for (String uri :
        List.of(
            REPORT, // the vendor's own URI
            "claribi://acme-payments/acme%3a%2f%2freports%2fmonthly-revenue", // not canonical
            "claribi://acme-payments__00000000/acme%3A%2F%2Freports%2Fmonthly-revenue",
            "claribi://other-vendor/acme%3A%2F%2Freports%2Fmonthly-revenue",
            "claribi://acme-payments/")) {
      McpException refused =
          catchThrowableOfType(McpException.class, () -> clientA.resource(uri).read());
      assertThat(refused).as(uri).isNotNull();
      assertThat(refused.error().code()).as(uri).isEqualTo(-32602);
      assertThat(refused.error().data()).asString().contains("RESOURCE_NOT_FOUND");
    }
    // B has no connection: A's URI is nothing to B, in either revision.
    McpException foreign =
        catchThrowableOfType(McpException.class, () -> clientB.resource(OURS).read());
    assertThat(foreign.error().code()).isEqualTo(-32602);
    io.modelcontextprotocol.client.McpSyncClient sessionsB =
        sessionsClient(McpClients.token(orgB, "integrator"));
    try {
      assertThat(sessionsB.listResources().resources()).isEmpty();
      McpError foreign2025 =
          catchThrowableOfType(
              McpError.class,
              () -> sessionsB.readResource(new McpSchema.ReadResourceRequest(OURS)));
      assertThat(foreign2025.getJsonRpcError().code()).isEqualTo(-32002);
    } finally {
      sessionsB.closeGracefully();
    }
    assertThat(DemoVendor.requests("resources/read")).isEmpty();
  }

  @Test
  void two_connections_to_one_vendor_never_share_a_uri() {
    String c = Api.newOrganization("mcp-res-two");
    String adminC = Gateway.organizationOn(c, "PROFESSIONAL");
    Gateway.connect(fixture, adminC, Gateway.VENDOR, true);
    Gateway.connect(fixture, adminC, Gateway.VENDOR, true);
    McpSyncClient client = McpClients.stateless(McpClients.token(c, "integrator"));
    DemoVendor.clearLog();

    List<String> uris = client.resources().list().resources().stream().map(Resource::uri).toList();

    List<String> reports = uris.stream().filter(uri -> uri.endsWith("monthly-revenue")).toList();
    assertThat(reports).hasSize(2).doesNotHaveDuplicates();
    assertThat(reports).allMatch(uri -> uri.startsWith("claribi://acme-payments__"));
    for (String uri : reports) {
      assertThat(((TextResourceContents) client.resource(uri).read().contents().get(0)).uri())
          .isEqualTo(uri);
    }
    assertThat(DemoVendor.requests("resources/read")).hasSize(2);
  }

  private static io.modelcontextprotocol.client.McpSyncClient sessionsClient(String token) {
    io.modelcontextprotocol.client.McpSyncClient client =
        io.modelcontextprotocol.client.McpClient.sync(
                HttpClientStreamableHttpTransport.builder(Api.BASE)
                    .endpoint("/mcp")
                    .requestBuilder(
                        HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                    .openConnectionOnStartup(false)
                    .build())
            .requestTimeout(Duration.ofSeconds(20))
            .build();
    client.initialize();
    assertThat(client.getServerCapabilities().resources()).isNotNull();
    return client;
  }
}

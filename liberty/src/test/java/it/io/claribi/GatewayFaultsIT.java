package it.io.claribi;

import static it.io.claribi.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A vendor that is down, hangs, answers garbage, answers 50 MB or lists 10,000 tools: each gives
 * its documented problem, and the server stays healthy. The demo vendor's fault paths do the
 * misbehaving; each is registered as its own catalog vendor, as an enterprise registers its own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GatewayFaultsIT {

  @Deployment(testable = false)
  static WebArchive fixture() {
    return Gateway.fixtureWar();
  }

  @ArquillianResource URL fixture;

  private final String org = Api.newOrganization("gw-faults");
  private String admin;

  @BeforeEach
  void organization() {
    admin = Gateway.organizationOn(org, "ENTERPRISE");
  }

  @AfterEach
  void theServerStaysHealthy() {
    Api.Reply health = Api.get("/health", null);
    assertThat(health.status()).as(health.toString()).isEqualTo(200);
    assertThat(health.json().getString("status")).isEqualTo("UP");
  }

  @Test
  void a_vendor_that_is_not_running_is_503_with_retry_after() throws Exception {
    String connection = approvedConnection("acme-stopped", DemoVendor.MCP);
    Api.Reply moved =
        Api.put(
            "/api/v1/catalog/vendors/acme-stopped",
            admin,
            vendorJson(null, "http://127.0.0.1:" + closedPort() + "/mcp"));
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);

    Api.Reply reply = Gateway.call(admin, "connectionId", connection, "list_customers", "{}");

    assertProblem(reply, 503, "VENDOR_UNAVAILABLE");
    assertThat(reply.response().headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void a_vendor_that_hangs_past_the_time_out_is_503_with_retry_after() {
    String connection = approvedConnection("acme-hang", DemoVendor.BASE + "/faults/hang/mcp");

    long start = System.nanoTime();
    Api.Reply reply = Gateway.call(admin, "connectionId", connection, "list_customers", "{}");

    assertProblem(reply, 503, "VENDOR_UNAVAILABLE");
    assertThat(reply.response().headers().firstValue("Retry-After")).isPresent();
    assertThat((System.nanoTime() - start) / 1_000_000_000).isLessThan(20);
  }

  @Test
  void malformed_json_is_502() {
    String connection =
        approvedConnection("acme-malformed", DemoVendor.BASE + "/faults/malformed/mcp");

    assertProblem(
        Gateway.call(admin, "connectionId", connection, "list_customers", "{}"),
        502,
        "VENDOR_RESPONSE_MALFORMED");
  }

  @Test
  void a_50_mb_reply_is_dropped_while_it_streams_in() {
    String connection = approvedConnection("acme-huge", DemoVendor.BASE + "/faults/huge/mcp");

    Api.Reply reply = Gateway.call(admin, "connectionId", connection, "list_customers", "{}");
    assertThat(reply.body()).as(reply.toString()).contains("VENDOR_RESPONSE_TOO_LARGE");
    assertProblem(reply, 502, "VENDOR_RESPONSE_TOO_LARGE");
    // The reply failed only its own call; the next one on the same session is cut off the same way.
    assertProblem(
        Gateway.call(admin, "connectionId", connection, "list_customers", "{}"),
        502,
        "VENDOR_RESPONSE_TOO_LARGE");
  }

  @Test
  void ten_thousand_tools_are_refused_and_nothing_is_recorded() {
    register("acme-many-tools", DemoVendor.BASE + "/faults/many-tools/mcp");
    Gateway.connect(fixture, admin, "acme-many-tools", false);

    Api.Reply refreshed = Api.post("/api/v1/catalog/vendors/acme-many-tools/discovery", admin);

    assertProblem(refreshed, 502, "VENDOR_TOOL_LIST_TOO_LARGE");
    Api.Reply tools = Api.get("/api/v1/catalog/vendors/acme-many-tools/tools", admin);
    assertThat(tools.status()).isEqualTo(200);
    assertThat(tools.body()).doesNotContain("\"name\"");
  }

  private String approvedConnection(String vendor, String url) {
    register(vendor, DemoVendor.MCP);
    String connection = Gateway.connect(fixture, admin, vendor, true);
    assertThat(Gateway.decide(admin, vendor, "list_customers", "ALLOW").status()).isEqualTo(200);
    if (!url.equals(DemoVendor.MCP)) {
      Api.Reply moved = Api.put("/api/v1/catalog/vendors/" + vendor, admin, vendorJson(null, url));
      assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    }
    return connection;
  }

  private void register(String vendor, String url) {
    Api.Reply registered = Api.post("/api/v1/catalog/vendors", admin, vendorJson(vendor, url));
    if (registered.status() == 409) {
      assertThat(
              Api.put("/api/v1/catalog/vendors/" + vendor, admin, vendorJson(null, url)).status())
          .isEqualTo(200);
      return;
    }
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
  }

  private static String vendorJson(String id, String url) {
    return "{"
        + (id == null ? "" : "\"id\":\"" + id + "\",")
        + "\"displayName\":\"Faulty Acme\",\"kind\":\"MCP\",\"serverUrl\":\""
        + url
        + "\",\"readScopes\":[\"payments:read\"],\"dataDomains\":[\"payments\"],"
        + "\"resourcesEnabled\":false,\"reason\":\"gateway fault IT\"}";
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

package io.claribi.catalog.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.catalog.api.VendorKind;
import io.claribi.catalog.entity.Decision;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogFileTest {

  static final String DEMO_URL = "http://localhost:9080/demo-vendor/mcp";

  static CatalogFile shipped(Map<String, String> config) {
    InputStream in = CatalogFile.class.getClassLoader().getResourceAsStream(CatalogFile.RESOURCE);
    return CatalogFile.read(in, key -> Optional.ofNullable(config.get(key)));
  }

  @Test
  void the_shipped_file_brings_the_vendors_of_issue_4() {
    CatalogFile cut = shipped(Map.of("claribi.catalog.demo-vendor-url", DEMO_URL));

    assertThat(cut.version()).isPositive();
    assertThat(cut.vendors())
        .extracting(e -> e.id().value())
        .containsExactly(
            "stripe",
            "hubspot",
            "shopify",
            "linear",
            "notion",
            "google-analytics",
            "google-ads",
            "meta-ads",
            "jira",
            "acme-payments");
    var demo = cut.vendors().get(9);
    assertThat(demo.spec().displayName()).isEqualTo("Acme Payments (demo)");
    assertThat(demo.spec().serverUrl()).isEqualTo(DEMO_URL);
    // Its authorization server is an OpenID provider, whose code flow needs openid (no data).
    assertThat(demo.spec().readScopes()).containsExactly("openid", "payments:read");
    assertThat(demo.spec().resourcesEnabled()).isTrue();
    assertThat(cut.vendors().get(8).spec().readScopes())
        .containsExactly("read:jira-work", "read:jira-user");
    assertThat(cut.vendors().get(5).spec().kind()).isEqualTo(VendorKind.NATIVE_OAUTH);
  }

  @Test
  void the_demo_vendors_client_is_pre_registered_only_when_its_issuer_is_configured() {
    String issuer = "http://127.0.0.1:9082/acme";

    var with = shipped(Map.of("claribi.catalog.demo-vendor-issuer", issuer)).clients();
    var without = shipped(Map.of()).clients();

    assertThat(with)
        .singleElement()
        .satisfies(
            client -> {
              assertThat(client.issuer()).isEqualTo(issuer);
              assertThat(client.clientId()).isEqualTo("claribi");
              assertThat(client.source()).isEqualTo("PRE_REGISTERED");
            });
    assertThat(without).isEmpty();
  }

  @Test
  void without_the_demo_url_the_demo_vendor_is_not_loaded() {
    assertThat(shipped(Map.of()).vendors())
        .extracting(e -> e.id().value())
        .doesNotContain("acme-payments")
        .contains("stripe", "linear");
  }

  @Test
  void reads_shipped_decisions() {
    String fingerprint = "a".repeat(64);
    CatalogFile cut =
        read(
            "{\"version\":3,\"vendors\":[{\"id\":\"acme\",\"displayName\":\"Acme\",\"kind\":\"MCP\","
                + "\"serverUrl\":\"https://acme.test/mcp\",\"readScopes\":[],\"dataDomains\":[],"
                + "\"tools\":[{\"name\":\"get_balance\",\"decision\":\"ALLOW\",\"fingerprint\":\""
                + fingerprint
                + "\",\"reason\":\"read-only\"},{\"name\":\"refund\",\"decision\":\"DENY\","
                + "\"reason\":\"writes\"}]}]}");

    assertThat(cut.version()).isEqualTo(3);
    assertThat(cut.vendors().get(0).tools())
        .containsExactly(
            new CatalogFile.Shipped("get_balance", Decision.ALLOW, fingerprint, "read-only"),
            new CatalogFile.Shipped("refund", Decision.DENY, null, "writes"));
  }

  @Test
  void a_broken_file_is_refused_with_the_reason() {
    String vendor =
        "{\"id\":\"acme\",\"displayName\":\"Acme\",\"kind\":\"MCP\",\"serverUrl\":\"https://a.test\","
            + "\"readScopes\":[],\"dataDomains\":[],\"tools\":[%s]}";
    String allowWithoutPrint = "{\"name\":\"t\",\"decision\":\"ALLOW\",\"reason\":\"r\"}";

    assertThatThrownBy(
            () -> read("{\"version\":1,\"vendors\":[" + vendor.formatted(allowWithoutPrint) + "]}"))
        .hasMessageContaining("needs the fingerprint");
    assertThatThrownBy(
            () ->
                read(
                    "{\"version\":1,\"vendors\":["
                        + vendor.formatted("")
                        + ","
                        + vendor.formatted("")
                        + "]}"))
        .hasMessageContaining("appears twice");
    assertThatThrownBy(() -> read("{\"version\":0,\"vendors\":[]}"))
        .hasMessageContaining("version");
    assertThatThrownBy(
            () ->
                read(
                    "{\"version\":1,\"vendors\":[{\"id\":\"x1\",\"displayName\":\"X\",\"kind\":\"MCP\","
                        + "\"serverUrlFrom\":\"mp.jwt.verify.publickey\",\"readScopes\":[],"
                        + "\"dataDomains\":[]}]}"))
        .hasMessageContaining("claribi.catalog.");
  }

  static CatalogFile read(String json) {
    return CatalogFile.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), key -> Optional.empty());
  }
}

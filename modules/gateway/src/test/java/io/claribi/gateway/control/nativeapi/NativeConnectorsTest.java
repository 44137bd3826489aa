package io.claribi.gateway.control.nativeapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.gateway.api.ArgumentInvalidException;
import io.claribi.gateway.api.ToolNotAllowedException;
import io.claribi.platform.api.ProblemException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class NativeConnectorsTest {

  @RegisterExtension final VendorFake fake = new VendorFake();

  final NativeConnectors cut =
      new NativeConnectors(
          VendorFake.LIMITS,
          VendorFake.LOOPBACK_ALLOWED,
          () -> Optional.of(VendorFake.DEVELOPER_TOKEN));

  @Test
  void the_four_catalog_vendors_have_connectors_and_nothing_else_does() {
    assertThat(cut.vendorIds())
        .containsExactly("google-ads", "google-analytics", "jira", "meta-ads");
    assertThat(cut.forVendor("acme-payments")).isEmpty();
    assertThat(cut.forVendor(null)).isEmpty();
  }

  @Test
  void each_connector_lists_its_fixed_read_operations() {
    assertThat(names("google-analytics")).containsExactly("run_report", "get_metadata");
    assertThat(names("google-ads")).containsExactly("list_accessible_customers", "list_campaigns");
    assertThat(names("meta-ads"))
        .containsExactly("list_ad_accounts", "list_campaigns", "get_insights");
    assertThat(names("jira")).containsExactly("list_sites", "search_issues", "list_projects");
  }

  @Test
  void every_schema_is_a_closed_object_whose_required_names_are_properties() {
    for (String vendor : cut.vendorIds()) {
      for (NativeOperation operation : cut.forVendor(vendor).orElseThrow().operations()) {
        JsonNode schema = JsonMapper.shared().readTree(operation.inputSchema());
        assertThat(schema.path("additionalProperties").asBoolean(true))
            .as(vendor + "/" + operation.name())
            .isFalse();
        schema
            .path("required")
            .forEach(name -> assertThat(operation.parameterNames()).contains(name.asString()));
        assertThat(operation.title()).isNotBlank();
        assertThat(operation.description()).isNotBlank();
      }
    }
  }

  @Test
  void an_unknown_operation_is_refused_and_nothing_is_sent() {
    AtomicInteger tokenReads = new AtomicInteger();
    NativeConnector jira = cut.forVendor("jira").orElseThrow();

    assertThatThrownBy(
            () ->
                jira.call(
                    fake.base(),
                    "create_issue",
                    Map.of(),
                    () -> {
                      tokenReads.incrementAndGet();
                      return VendorFake.TOKEN;
                    }))
        .isInstanceOf(ToolNotAllowedException.class)
        .hasMessageContaining("create_issue");
    assertThat(tokenReads).hasValue(0);
    fake.assertNothingSent();
  }

  @Test
  void arguments_of_the_wrong_type_are_refused_and_the_token_is_not_even_read() {
    AtomicInteger tokenReads = new AtomicInteger();
    NativeConnector meta = cut.forVendor("meta-ads").orElseThrow();

    assertThatThrownBy(
            () ->
                meta.call(
                    fake.base(),
                    "list_ad_accounts",
                    Map.of("limit", "25"),
                    () -> {
                      tokenReads.incrementAndGet();
                      return VendorFake.TOKEN;
                    }))
        .isInstanceOf(ArgumentInvalidException.class)
        .hasMessageContaining("limit must be a whole number from 1 to 100");
    assertThatThrownBy(
            () ->
                meta.call(
                    fake.base(), "list_ad_accounts", Map.of("limit", 2.5), VendorFake.ACCESS_TOKEN))
        .isInstanceOf(ArgumentInvalidException.class);
    assertThat(tokenReads).hasValue(0);
    fake.assertNothingSent();
  }

  @Test
  void a_base_the_outbound_rules_refuse_gets_nothing_sent() {
    NativeConnectors strict =
        new NativeConnectors(
            VendorFake.LIMITS,
            url -> {
              throw ProblemException.badRequest("OUTBOUND_URL_REFUSED", "loopback: " + url);
            },
            Optional::empty);

    assertThatThrownBy(
            () ->
                strict
                    .forVendor("jira")
                    .orElseThrow()
                    .call(fake.base(), "list_sites", Map.of(), VendorFake.ACCESS_TOKEN))
        .isInstanceOfSatisfying(
            ProblemException.class, p -> assertThat(p.code()).isEqualTo("OUTBOUND_URL_REFUSED"));
    fake.assertNothingSent();
  }

  private java.util.List<String> names(String vendor) {
    return cut.forVendor(vendor).orElseThrow().operations().stream()
        .map(NativeOperation::name)
        .toList();
  }
}

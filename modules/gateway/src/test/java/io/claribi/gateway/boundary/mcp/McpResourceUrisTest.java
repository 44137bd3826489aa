package io.claribi.gateway.boundary.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.gateway.boundary.ToolListing.ResourceSource;
import io.claribi.gateway.boundary.mcp.McpResourceUris.NamedSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The resource URI rule of /mcp: one URI per resource, taken apart exactly as it was made. */
class McpResourceUrisTest {

  private static final String C1 = "1b3f0c2e-0000-4000-8000-000000000001";
  private static final String C2 = "1b3f0c2f-0000-4000-8000-000000000002";

  @Test
  void a_vendor_uri_goes_in_whole_and_comes_back_out() {
    for (String vendorUri :
        List.of(
            "acme://reports/monthly-revenue",
            "file:///a b/c+d?x=1&y=%41#frag",
            "https://example.com/ü/€/~tilde*star",
            "x")) {
      String ours = McpResourceUris.uri("acme-payments", vendorUri);

      assertThat(ours).startsWith("claribi://acme-payments/").doesNotContain(" ");
      assertThat(McpResourceUris.parse(ours))
          .hasValueSatisfying(
              parsed -> {
                assertThat(parsed.source()).isEqualTo("acme-payments");
                assertThat(parsed.vendorUri()).isEqualTo(vendorUri);
              });
    }
  }

  @Test
  void only_the_one_canonical_spelling_is_ours() {
    assertThat(McpResourceUris.parse("claribi://acme-payments/acme%3A%2F%2Fr")).isPresent();

    assertThat(McpResourceUris.parse("claribi://acme-payments/acme%3a%2f%2fr")).isEmpty();
    assertThat(McpResourceUris.parse("claribi://acme-payments/%61cme")).isEmpty();
    assertThat(McpResourceUris.parse("claribi://acme-payments/a+b")).isEmpty();
    assertThat(McpResourceUris.parse("claribi://acme-payments/acme://r")).isEmpty();
    assertThat(McpResourceUris.parse("claribi://acme-payments/%FF")).isEmpty();
    assertThat(McpResourceUris.parse("claribi://acme-payments/")).isEmpty();
    assertThat(McpResourceUris.parse("claribi:///acme")).isEmpty();
    assertThat(McpResourceUris.parse("claribi://bad source/x")).isEmpty();
    assertThat(McpResourceUris.parse("acme://reports/monthly-revenue")).isEmpty();
    assertThat(McpResourceUris.parse(null)).isEmpty();
  }

  @Test
  void one_connection_to_a_vendor_is_the_vendor_and_several_are_told_apart() {
    List<NamedSource> one = McpResourceUris.name(List.of(new ResourceSource(C1, "acme-payments")));
    assertThat(one).extracting(NamedSource::name).containsExactly("acme-payments");

    List<NamedSource> two =
        McpResourceUris.name(
            List.of(
                new ResourceSource(C1, "acme-payments"),
                new ResourceSource(C2, "acme-payments"),
                new ResourceSource(C1.replace('1', '9'), "other")));
    assertThat(two)
        .extracting(NamedSource::name)
        .containsExactly("acme-payments__1b3f0c2e", "acme-payments__1b3f0c2f", "other");
    assertThat(McpResourceUris.uri(two.get(0).name(), "acme://r"))
        .isNotEqualTo(McpResourceUris.uri(two.get(1).name(), "acme://r"));
  }
}

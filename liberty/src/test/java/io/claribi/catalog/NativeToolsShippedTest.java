package io.claribi.catalog;

import io.claribi.catalog.api.DiscoveredTool;
import io.claribi.catalog.control.ToolFingerprint;
import io.claribi.gateway.control.mcpclient.VendorSessions;
import io.claribi.gateway.control.nativeapi.NativeConnector;
import io.claribi.gateway.control.nativeapi.NativeConnectors;
import io.claribi.gateway.control.nativeapi.NativeLimits;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The catalog file ships an ALLOW, on the exact fingerprint, for every native connector operation
 * and for nothing else under those vendors: an operation whose text changes is blocked until the
 * file is reviewed again (the failure message prints the entries to review).
 */
class NativeToolsShippedTest {

  @Test
  void every_native_operation_is_shipped_allowed_on_its_current_fingerprint() throws Exception {
    NativeConnectors connectors =
        new NativeConnectors(
            new NativeLimits(Duration.ofSeconds(1), Duration.ofSeconds(1), 1024, 1),
            url -> {
              throw new AssertionError("nothing is sent while listing operations");
            },
            Optional::empty);
    JsonObject file;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/claribi/catalog-v1.json")) {
      file = Json.createReader(in).readObject();
    }
    var softly = new org.assertj.core.api.SoftAssertions();
    for (String vendorId : connectors.vendorIds()) {
      NativeConnector connector = connectors.forVendor(vendorId).orElseThrow();
      Map<String, String> expected = new TreeMap<>();
      for (DiscoveredTool tool : VendorSessions.discovered(connector)) {
        expected.put(tool.name(), ToolFingerprint.of(tool));
      }
      JsonObject vendor =
          file.getJsonArray("vendors").getValuesAs(JsonObject.class).stream()
              .filter(v -> v.getString("id").equals(vendorId))
              .findFirst()
              .orElseThrow();
      Map<String, String> shipped =
          vendor.getJsonArray("tools").getValuesAs(JsonObject.class).stream()
              .filter(t -> t.getString("decision").equals("ALLOW"))
              .collect(
                  Collectors.toMap(
                      t -> t.getString("name"),
                      t -> t.getString("fingerprint"),
                      (a, b) -> a,
                      TreeMap::new));
      softly
          .assertThat(shipped)
          .as(
              "catalog-v1.json tools of %s should be:%n%s",
              vendorId,
              expected.entrySet().stream()
                  .map(
                      e ->
                          "{\"name\": \""
                              + e.getKey()
                              + "\", \"decision\": \"ALLOW\", \"fingerprint\": \""
                              + e.getValue()
                              + "\", \"reason\": \"native connector operation, reviewed with the code\"}")
                  .collect(Collectors.joining(",\n")))
          .isEqualTo(expected);
    }
    softly.assertAll();
  }
}

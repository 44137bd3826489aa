package io.claribi.gateway.control.nativeapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.claribi.catalog.api.OutboundPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A vendor API faked by WireMock on a loopback port chosen by the system, with the connectors
 * pointed at it under short limits. The vendors themselves cannot be reached from the build.
 */
final class VendorFake implements BeforeEachCallback, AfterEachCallback {

  static final String TOKEN = "ya29.a0-secret-access-token-1234";
  static final String DEVELOPER_TOKEN = "devTok3n_abc";
  static final Supplier<String> ACCESS_TOKEN = () -> TOKEN;

  /** Short enough for NativeFailuresTest's 3 s slow answer to time out. */
  static final NativeLimits LIMITS =
      new NativeLimits(Duration.ofSeconds(1), Duration.ofMillis(800), 64 * 1024, 30);

  /** The fakes listen on loopback, which the real outbound rules refuse unless allowed. */
  static final OutboundPolicy LOOPBACK_ALLOWED = URI::create;

  private final WireMockServer server =
      new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));

  @Override
  public void beforeEach(ExtensionContext context) {
    server.start();
    warmUp();
  }

  /**
   * A cold WireMock (the first in a test JVM) takes seconds to answer its first request, longer
   * than the connectors' short limits: it answers one of its own before the test's first call,
   * which is then not recorded.
   */
  private void warmUp() {
    try {
      HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(base().resolve("/__admin/health"))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new UncheckedIOException("the vendor fake did not start", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the vendor fake", e);
    }
    server.resetRequests();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    server.stop();
  }

  WireMockServer server() {
    return server;
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  NativeConnector connector(String vendor) {
    return new NativeConnectors(LIMITS, LOOPBACK_ALLOWED, () -> Optional.of(DEVELOPER_TOKEN))
        .forVendor(vendor)
        .orElseThrow();
  }

  void assertNothingSent() {
    assertThat(server.getAllServeEvents()).as("requests the fake received").isEmpty();
  }

  /** A sample reply under src/test/resources/nativeapi. */
  static String sample(String path) {
    try (InputStream in = VendorFake.class.getResourceAsStream("/nativeapi/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The structured content of a CallToolResult, after checking the rest of its shape. */
  static JsonNode structured(String callToolResult) {
    JsonNode result = JsonMapper.shared().readTree(callToolResult);
    assertThat(result.path("isError").asBoolean(true)).isFalse();
    assertThat(result.path("content").path(0).path("type").asString()).isEqualTo("text");
    JsonNode text =
        JsonMapper.shared().readTree(result.path("content").path(0).path("text").asString());
    assertThat(text).isEqualTo(result.path("structuredContent"));
    return result.path("structuredContent");
  }
}

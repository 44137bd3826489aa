package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The server started cleanly and exposes health, OpenAPI and metrics. */
class OperationsIT {

  @Test
  void health_is_up_with_the_database_check() {
    Api.Reply health = Api.get("/health", null);

    assertThat(health.status()).as(health.toString()).isEqualTo(200);
    assertThat(health.json().getString("status")).isEqualTo("UP");
    assertThat(health.body()).contains("\"database\"");
    String expected =
        "postgresql".equals(System.getProperty("claribi.db.kind")) ? "PostgreSQL" : "Apache Derby";
    assertThat(health.body()).contains("\"product\":\"" + expected + "\"");
    assertThat(Api.get("/health/ready", null).status()).isEqualTo(200);
  }

  @Test
  void openapi_documents_the_api() {
    Api.Reply openapi = Api.get("/openapi", null);

    assertThat(openapi.status()).isEqualTo(200);
    assertThat(openapi.body()).contains("/api/v1/organization", "/api/v1/organizations/{id}");
  }

  @Test
  void metrics_are_exposed() {
    Api.Reply metrics = Api.get("/metrics", null);

    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm");
  }

  /** Liberty reports a missing feature or a failed application but still says it is ready. */
  @Test
  void the_server_log_has_no_missing_feature_and_the_application_started() throws IOException {
    Path log = Path.of(System.getProperty("claribi.server.dir"), "logs", "messages.log");
    String messages = Files.readString(log);

    assertThat(messages).doesNotContain("CWWKF0001E", "CWWKZ0002E", "CWWKZ0004E", "CWWKE0701E");
    assertThat(messages).contains("CWWKZ0001I: Application claribi started");
  }
}

package io.claribi.connections.control.allowlist;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ArgumentSchemasTest {

  static final String SCHEMA =
      """
      {"type":"object","properties":{
         "customer_id":{"type":"string","pattern":"^cus_[0-9]{4}$"},
         "limit":{"type":"integer","minimum":1,"maximum":100}},
       "required":["customer_id"],"additionalProperties":false}
      """;

  ArgumentSchemas cut = new ArgumentSchemas();

  @Test
  void arguments_that_match_become_a_map() {
    var checked = cut.check("f1", SCHEMA, "{\"customer_id\":\"cus_0001\",\"limit\":5}");

    assertThat(checked.valid()).isTrue();
    assertThat(checked.arguments().orElseThrow())
        .containsEntry("customer_id", "cus_0001")
        .containsEntry("limit", 5);
  }

  @Test
  void a_missing_required_argument_is_refused() {
    var checked = cut.check("f1", SCHEMA, "{\"limit\":5}");

    assertThat(checked.valid()).isFalse();
    assertThat(checked.problem()).contains("customer_id");
  }

  @Test
  void an_extra_argument_is_refused() {
    var checked = cut.check("f1", SCHEMA, "{\"customer_id\":\"cus_0001\",\"amount\":100}");

    assertThat(checked.valid()).isFalse();
    assertThat(checked.problem()).contains("amount");
  }

  @Test
  void wrong_types_and_ranges_are_refused() {
    assertThat(cut.check("f1", SCHEMA, "{\"customer_id\":7}").valid()).isFalse();
    assertThat(cut.check("f1", SCHEMA, "{\"customer_id\":\"cus_0001\",\"limit\":1000}").valid())
        .isFalse();
    assertThat(cut.check("f1", SCHEMA, "{\"customer_id\":\"x\"}").valid()).isFalse();
  }

  @Test
  void arguments_that_are_not_an_object_are_refused() {
    assertThat(cut.check("f1", SCHEMA, "[1,2]").problem()).contains("JSON object");
    assertThat(cut.check("f1", SCHEMA, "{nope").problem()).contains("not JSON");
  }

  @Test
  void a_schema_that_refers_to_a_url_makes_no_request_and_admits_nothing() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          byte[] body = "{\"type\":\"object\"}".getBytes();
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      String schema =
          "{\"$ref\":\"http://127.0.0.1:" + server.getAddress().getPort() + "/schema.json\"}";

      var checked = cut.check("remote", schema, "{\"anything\":1}");

      assertThat(checked.valid()).isFalse();
      assertThat(requests).hasValue(0);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void a_schema_that_refers_to_a_file_admits_nothing() {
    var checked = cut.check("file", "{\"$ref\":\"file:///etc/passwd\"}", "{}");

    assertThat(checked.valid()).isFalse();
  }

  @Test
  void references_inside_the_schema_still_work() {
    String schema =
        """
        {"$defs":{"id":{"type":"string"}},"type":"object",
         "properties":{"id":{"$ref":"#/$defs/id"}},"required":["id"]}
        """;

    assertThat(cut.check("local", schema, "{\"id\":\"a\"}").valid()).isTrue();
    assertThat(cut.check("local", schema, "{\"id\":1}").valid()).isFalse();
  }
}

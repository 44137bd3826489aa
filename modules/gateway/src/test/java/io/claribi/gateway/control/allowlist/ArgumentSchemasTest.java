package io.claribi.gateway.control.allowlist;

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

  /** The schema as the demo vendor's list_customers had it, minus additionalProperties. */
  static final String OPEN =
      """
      {"type":"object","properties":{
         "email":{"type":"string"},
         "limit":{"type":"integer","minimum":1,"maximum":100}}}
      """;

  @Test
  void an_argument_the_approved_schema_does_not_declare_is_refused_though_the_schema_is_open() {
    var checked = cut.check("open", OPEN, "{\"limit\":3,\"includeCards\":true}");

    assertThat(checked.valid()).isFalse();
    assertThat(checked.problem())
        .isEqualTo("argument 'includeCards' is not declared by the approved input schema");
    assertThat(cut.check("open", OPEN, "{\"limit\":3}").valid()).isTrue();
  }

  @Test
  void additional_properties_that_the_schema_allows_explicitly_are_refused_too() {
    String explicit =
        """
        {"type":"object","properties":{"limit":{"type":"integer"}},
         "additionalProperties":true,"patternProperties":{"^x-":{"type":"string"}}}
        """;

    assertThat(cut.check("explicit", explicit, "{\"exportTo\":\"s3://x\"}").valid()).isFalse();
    assertThat(cut.check("explicit", explicit, "{\"x-a\":\"b\"}").valid()).isFalse();
  }

  @Test
  void a_schema_that_declares_no_properties_admits_no_argument() {
    String none = "{\"type\":\"object\"}";

    assertThat(cut.check("none", none, "{}").valid()).isTrue();
    assertThat(cut.check("none", none, "{\"a\":1}").problem()).contains("'a' is not declared");
  }

  @Test
  void nested_objects_that_declare_properties_are_closed_and_free_form_ones_stay_open() {
    String nested =
        """
        {"type":"object","properties":{
           "filter":{"type":"object","properties":{"email":{"type":"string"}}},
           "rows":{"type":"array","items":{"type":"object","properties":{"id":{"type":"string"}}}},
           "metadata":{"type":"object"}}}
        """;

    assertThat(cut.check("n", nested, "{\"filter\":{\"email\":\"a@b\"}}").valid()).isTrue();
    assertThat(cut.check("n", nested, "{\"filter\":{\"email\":\"a\",\"all\":true}}").problem())
        .contains("'filter.all' is not declared");
    assertThat(
            cut.check("n", nested, "{\"rows\":[{\"id\":\"1\"},{\"id\":\"2\",\"x\":1}]}").problem())
        .contains("'rows[1].x' is not declared");
    assertThat(cut.check("n", nested, "{\"metadata\":{\"anything\":1}}").valid()).isTrue();
  }

  @Test
  void names_declared_in_compositions_and_local_references_count_as_declared() {
    String composed =
        """
        {"$defs":{"page":{"properties":{"limit":{"type":"integer"}}}},
         "allOf":[{"$ref":"#/$defs/page"},{"properties":{"email":{"type":"string"}}}]}
        """;

    assertThat(cut.check("c", composed, "{\"limit\":1,\"email\":\"e\"}").valid()).isTrue();
    assertThat(cut.check("c", composed, "{\"limit\":1,\"cards\":true}").valid()).isFalse();
  }

  @Test
  void a_reference_that_cannot_be_followed_or_loops_admits_nothing() {
    assertThat(cut.check("r1", "{\"$ref\":\"#/$defs/missing\"}", "{\"a\":1}").valid()).isFalse();
    assertThat(cut.check("r2", "{\"$ref\":\"#\"}", "{\"a\":1}").valid()).isFalse();
  }

  @Test
  void control_characters_in_a_refused_name_are_shown_escaped() {
    var checked = cut.check("open", OPEN, "{\"limit\":3,\"evil\\u0000\\u200b\":1}");

    assertThat(checked.problem()).contains("'evil\\u0000\\u200b'").doesNotContain("\u0000");
  }

  @Test
  void a_schema_the_validator_cannot_use_is_refused_without_naming_a_java_class() {
    String unusable = "{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"http://x/y\"}}}";

    var checked = cut.check("unusable", unusable, "{\"a\":1}");

    assertThat(checked.valid()).isFalse();
    assertThat(checked.problem()).doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z]");
    assertThat(checked.problem()).doesNotContain("Exception");
  }
}

package io.claribi.connections.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.io.StringWriter;

/** Puts vendor JSON (results, schemas) into the gateway's answers as JSON, not as strings. */
final class GatewayJson {

  private static final JsonProvider JSON = JsonProvider.provider();

  private GatewayJson() {}

  static JsonValue parse(String json) {
    if (json == null) {
      return JsonValue.NULL;
    }
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }

  static String write(JsonValue value) {
    StringWriter out = new StringWriter();
    JSON.createWriter(out).write(value);
    return out.toString();
  }

  static JsonObjectBuilder object() {
    return JSON.createObjectBuilder();
  }

  static jakarta.json.JsonArrayBuilder array() {
    return JSON.createArrayBuilder();
  }

  static String answer(ToolGateway.Called called, String subject) {
    JsonObject answer =
        object()
            .add("connectionId", called.connectionId())
            .add("vendor", called.vendor())
            .add(subject, called.what())
            .add("result", parse(called.reply().json()))
            .build();
    return write(answer);
  }
}

package io.claribi.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class JsonLinesFormatTest {

  @Test
  void writes_one_parseable_line_per_event_with_explicit_nulls() throws Exception {
    String awkward = "quote \" backslash \\ newline \n tab \t bell \u0007 line-sep \u2028 é";
    ExportRow row =
        new ExportRow(
            3,
            "2026-11-24T10:00:00.000Z",
            "PLAN_CHANGED",
            awkward,
            "acme",
            null,
            null,
            "req-12345678",
            null,
            "{\"to\":\"FREE\"}",
            "id-3",
            "0".repeat(64),
            "a".repeat(64));
    StringWriter out = new StringWriter();

    new JsonLinesFormat().event(out, row);

    assertThat(out.toString()).endsWith("}\n").hasLineCount(1);
    JsonObject json = Json.createReader(new StringReader(out.toString())).readObject();
    assertThat(json.getString("actor")).isEqualTo(awkward);
    assertThat(json.isNull("connection")).isTrue();
    assertThat(json.isNull("clientAddress")).isTrue();
    assertThat(json.getJsonNumber("sequence").longValue()).isEqualTo(3);
    assertThat(json.getJsonObject("details").getString("to")).isEqualTo("FREE");
  }
}

package io.claribi.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvFormatTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx", "'x"})
  void formula_cells_are_neutralised(String value) {
    String cell = CsvFormat.cell(value);

    String unquoted =
        cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
    assertThat(unquoted).startsWith("'").isEqualTo("'" + value);
  }

  @ParameterizedTest
  @CsvSource({"plain,plain", "'a,b','\"a,b\"'", "'say \"hi\"','\"say \"\"hi\"\"\"'"})
  void quotes_only_when_needed(String value, String expected) {
    assertThat(CsvFormat.cell(value)).isEqualTo(expected);
  }

  @Test
  void absent_is_empty_and_empty_is_quoted() {
    assertThat(CsvFormat.cell(null)).isEmpty();
    assertThat(CsvFormat.cell("")).isEqualTo("\"\"");
  }

  @Test
  void an_event_row_neutralises_every_cell() throws Exception {
    ExportRow event =
        new ExportRow(
            7,
            "2026-11-24T10:00:00.000Z",
            "CONNECTION_USED",
            "@attacker",
            "acme",
            "c-1",
            "stripe",
            "req-12345678",
            "127.0.0.1",
            "{\"tool\":\"=cmd|' /C calc'!A0\"}",
            "id-1",
            "0".repeat(64),
            "a".repeat(64));
    StringWriter out = new StringWriter();

    new CsvFormat().event(out, event);

    assertThat(out.toString())
        .startsWith("7,2026-11-24T10:00:00.000Z,CONNECTION_USED,'@attacker,acme,c-1,stripe,")
        .contains("\"{\"\"tool\"\":\"\"=cmd|' /C calc'!A0\"\"}\"")
        .doesNotContain(",=", ",+", ",-", ",@")
        .endsWith("\r\n");
  }
}

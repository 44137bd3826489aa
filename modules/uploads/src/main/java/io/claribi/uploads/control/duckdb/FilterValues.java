package io.claribi.uploads.control.duckdb;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Turns a filter value from JSON into the Java value bound for its column, so a wrong value is a
 * clear 400 here rather than a conversion error from DuckDB, and the bound type matches the column.
 */
final class FilterValues {

  static final int MAX_TEXT = 4_096;
  private static final int MAX_DECIMAL_DIGITS = 38;

  private FilterValues() {}

  static Object bindable(UploadColumn column, Object value) {
    if (value == null) {
      throw invalid(column, "null", "use is_null or not_null to match missing values");
    }
    return switch (column.kind()) {
      case NUMBER -> number(column, value);
      case TEXT -> text(column, value);
      case BOOLEAN -> bool(column, value);
      case DATE -> temporal(column, value, () -> LocalDate.parse(text(column, value)));
      case TIMESTAMP -> temporal(column, value, () -> timestamp(text(column, value)));
      case TIME -> temporal(column, value, () -> LocalTime.parse(text(column, value)));
      case OTHER ->
          throw QueryInvalid.because(
              "Column "
                  + QueryInvalid.quoted(column.name())
                  + " has type "
                  + column.type()
                  + ", which can only be filtered with is_null or not_null.");
    };
  }

  private static BigDecimal number(UploadColumn column, Object value) {
    BigDecimal number;
    try {
      if (value instanceof BigDecimal decimal) {
        number = decimal;
      } else if (value instanceof Double || value instanceof Float) {
        number = BigDecimal.valueOf(((Number) value).doubleValue());
      } else if (value instanceof Number || value instanceof String) {
        number = new BigDecimal(value.toString().trim());
      } else {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw invalid(column, value, "a number is needed");
    }
    if (number.precision() > MAX_DECIMAL_DIGITS) {
      throw invalid(column, value, "at most " + MAX_DECIMAL_DIGITS + " digits are supported");
    }
    return number;
  }

  private static String text(UploadColumn column, Object value) {
    String text;
    if (value instanceof BigDecimal decimal) {
      text = decimal.toPlainString();
    } else if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      text = value.toString();
    } else {
      throw invalid(column, value, "a string, number or boolean is needed");
    }
    if (text.length() > MAX_TEXT) {
      throw QueryInvalid.because(
          "A filter value for "
              + QueryInvalid.quoted(column.name())
              + " is longer than "
              + MAX_TEXT
              + " characters.");
    }
    return text;
  }

  private static Boolean bool(UploadColumn column, Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    String text = value instanceof String s ? s.trim().toLowerCase(Locale.ROOT) : "";
    return switch (text) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw invalid(column, value, "true or false is needed");
    };
  }

  /** Offsets are kept (they compare as instants); a plain date means its midnight. */
  private static Object timestamp(String text) {
    String iso = text.trim().replace(' ', 'T');
    try {
      return OffsetDateTime.parse(iso);
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(iso);
      } catch (DateTimeParseException notLocal) {
        return LocalDate.parse(iso).atStartOfDay();
      }
    }
  }

  private static Object temporal(
      UploadColumn column, Object value, java.util.function.Supplier<Object> parse) {
    try {
      return parse.get();
    } catch (DateTimeParseException e) {
      throw invalid(
          column,
          value,
          "an ISO "
              + column.kind().name().toLowerCase(Locale.ROOT)
              + " is needed, e.g. "
              + switch (column.kind()) {
                case DATE -> "2024-01-31";
                case TIME -> "13:45:00";
                default -> "2024-01-31T13:45:00";
              });
    }
  }

  private static RuntimeException invalid(UploadColumn column, Object value, String why) {
    String shown = String.valueOf(value);
    shown = shown.length() > 40 ? shown.substring(0, 40) + "…" : shown;
    return QueryInvalid.because(
        "Filter value "
            + shown
            + " does not fit column "
            + QueryInvalid.quoted(column.name())
            + " ("
            + column.type()
            + "): "
            + why
            + ".");
  }
}

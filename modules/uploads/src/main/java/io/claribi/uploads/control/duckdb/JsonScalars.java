package io.claribi.uploads.control.duckdb;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Blob;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * Result values as JSON scalars. Numbers that a double cannot carry exactly (HUGEINT sums, long
 * DECIMALs) travel as strings so no client rounds them; dates and times as ISO-8601 strings.
 */
final class JsonScalars {

  /** Integers beyond ±2^53 lose digits in JavaScript and in many JSON readers. */
  private static final int SAFE_INTEGER_BITS = 53;

  private static final int SAFE_DECIMAL_DIGITS = 15;

  private JsonScalars() {}

  static Object of(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Number number) {
      return number(number);
    }
    if (value instanceof java.sql.Timestamp t) {
      return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t.toLocalDateTime());
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    if (value instanceof java.sql.Time t) {
      return DateTimeFormatter.ISO_LOCAL_TIME.format(t.toLocalTime());
    }
    if (value instanceof TemporalAccessor t) {
      return temporal(t);
    }
    if (value instanceof Blob b) {
      return blob(b);
    }
    return value.toString();
  }

  private static Object number(Number number) {
    if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
      return number;
    }
    if (number instanceof Long l) {
      long safe = 1L << SAFE_INTEGER_BITS;
      return l > -safe && l < safe ? (Object) l : l.toString();
    }
    if (number instanceof BigInteger i) {
      return i.bitLength() <= SAFE_INTEGER_BITS ? (Object) i.longValue() : i.toString();
    }
    if (number instanceof BigDecimal d) {
      return d.precision() <= SAFE_DECIMAL_DIGITS ? d : d.toPlainString();
    }
    double d = number.doubleValue();
    // JSON has no NaN or Infinity.
    return Double.isFinite(d) ? (Object) d : Double.toString(d);
  }

  private static String temporal(TemporalAccessor value) {
    if (value instanceof java.time.LocalDateTime t) {
      return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
    }
    if (value instanceof java.time.LocalTime t) {
      return DateTimeFormatter.ISO_LOCAL_TIME.format(t);
    }
    if (value instanceof java.time.OffsetDateTime t) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }
    return value.toString();
  }

  /** Binary content is not for a model to read; its size is what is useful. */
  private static String blob(Blob blob) {
    try {
      return "(binary, " + blob.length() + " bytes)";
    } catch (SQLException e) {
      return "(binary)";
    }
  }
}

package io.claribi.catalog.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A canonical JSON text: object members sorted by key (UTF-16 code units, as RFC 8785 sorts them),
 * no insignificant whitespace, minimal string escapes, and numbers written by value (so {@code 1},
 * {@code 1.0} and {@code 1e0} are one number). Key order and formatting at the vendor therefore
 * never change a fingerprint; any change of a name, a value or the structure does.
 *
 * <p>It follows RFC 8785 except for numbers, which are written exactly (plain decimal, trailing
 * zeros removed) instead of through IEEE 754 doubles, so no large integer in a schema is rounded
 * (ADR 0016).
 */
public final class CanonicalJson {

  private CanonicalJson() {}

  public static String write(JsonValue value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(JsonValue value, StringBuilder out) {
    switch (value.getValueType()) {
      case OBJECT -> writeObject(value.asJsonObject(), out);
      case ARRAY -> writeArray(value.asJsonArray(), out);
      case STRING -> writeString(((JsonString) value).getString(), out);
      case NUMBER -> out.append(number(((JsonNumber) value).bigDecimalValue()));
      case TRUE -> out.append("true");
      case FALSE -> out.append("false");
      case NULL -> out.append("null");
    }
  }

  private static void writeObject(JsonObject object, StringBuilder out) {
    List<String> keys = new ArrayList<>(object.keySet());
    keys.sort(String::compareTo); // String.compareTo compares UTF-16 code units, as RFC 8785 does
    out.append('{');
    for (int i = 0; i < keys.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      writeString(keys.get(i), out);
      out.append(':');
      write(object.get(keys.get(i)), out);
    }
    out.append('}');
  }

  private static void writeArray(JsonArray array, StringBuilder out) {
    out.append('[');
    for (int i = 0; i < array.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      write(array.get(i), out);
    }
    out.append(']');
  }

  static void writeString(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || isLoneSurrogate(text, i)) {
            // A lone surrogate has no UTF-8 form: escaped, so two different ones never collide.
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean isLoneSurrogate(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    return Character.isLowSurrogate(c)
        && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
  }

  static String number(BigDecimal value) {
    if (value.signum() == 0) {
      return "0";
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() <= 0
        ? stripped.toBigIntegerExact().toString()
        : stripped.toPlainString();
  }
}

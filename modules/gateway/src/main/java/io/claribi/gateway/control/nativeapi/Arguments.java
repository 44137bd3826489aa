package io.claribi.gateway.control.nativeapi;

import io.claribi.gateway.api.ArgumentInvalidException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The arguments of one call, read with the type, pattern and bounds each operation expects. Every
 * refusal is an {@link ArgumentInvalidException} naming the argument; the refused value is not
 * repeated, since it may be long or hostile.
 */
final class Arguments {

  private final String operation;
  private final Map<String, Object> values;

  Arguments(NativeOperation operation, Map<String, Object> values) {
    this.operation = operation.name();
    this.values = values == null ? Map.of() : values;
    Set<String> unknown = new TreeSet<>(this.values.keySet());
    unknown.removeAll(operation.parameterNames());
    if (!unknown.isEmpty()) {
      throw refused("has no argument named " + String.join(", ", unknown));
    }
  }

  String requiredString(String name, Pattern pattern, String expectation) {
    return optionalString(name, pattern, expectation)
        .orElseThrow(() -> refused("needs " + name + " (" + expectation + ")"));
  }

  Optional<String> optionalString(String name, Pattern pattern, String expectation) {
    Object value = values.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text) || !pattern.matcher(text).matches()) {
      throw refused(name + " must be " + expectation);
    }
    return Optional.of(text);
  }

  /** One of a fixed set of words, or {@code fallback} when absent. */
  String oneOf(String name, Set<String> allowed, String fallback) {
    Object value = values.get(name);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof String text) || !allowed.contains(text)) {
      throw refused(name + " must be one of " + new TreeSet<>(allowed));
    }
    return text;
  }

  /** A whole number within bounds (JSON numbers may arrive as doubles like 10.0). */
  int integer(String name, int min, int max, int fallback) {
    Object value = values.get(name);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number number) {
      double exact = number.doubleValue();
      if (exact == Math.rint(exact) && exact >= min && exact <= max) {
        return (int) exact;
      }
    }
    throw refused(name + " must be a whole number from " + min + " to " + max);
  }

  /**
   * A list of strings, each matching {@code each}, or {@code fallback} when absent; a {@code null}
   * fallback makes the list required.
   */
  List<String> strings(
      String name, Pattern each, String expectation, int maxItems, List<String> fallback) {
    Object value = values.get(name);
    if (value == null && fallback == null) {
      throw refused("needs " + name + " (a list of " + expectation + ")");
    }
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof List<?> items) || items.isEmpty() || items.size() > maxItems) {
      throw refused(name + " must be a list of 1 to " + maxItems + " items");
    }
    List<String> strings = new ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof String text) || !each.matcher(text).matches()) {
        throw refused("each of " + name + " must be " + expectation);
      }
      strings.add(text);
    }
    return List.copyOf(strings);
  }

  /** A list drawn from a fixed set of words, or {@code fallback} when absent. */
  List<String> subsetOf(String name, Set<String> allowed, int maxItems, List<String> fallback) {
    List<String> chosen =
        strings(name, Pattern.compile(".+"), "one of the listed values", maxItems, fallback);
    for (String word : chosen) {
      if (!allowed.contains(word)) {
        throw refused("each of " + name + " must be one of " + new TreeSet<>(allowed));
      }
    }
    return chosen;
  }

  /** Two ISO dates ({@code YYYY-MM-DD}), the first not after the second. */
  DateRange dateRange(String startName, String endName) {
    LocalDate start = date(startName);
    LocalDate end = date(endName);
    if (start.isAfter(end)) {
      throw refused(startName + " must not be after " + endName);
    }
    return new DateRange(start, end);
  }

  private LocalDate date(String name) {
    String text = requiredString(name, DateRange.ISO_DATE, "an ISO date, YYYY-MM-DD");
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw refused(name + " must be a real calendar date, YYYY-MM-DD");
    }
  }

  private ArgumentInvalidException refused(String why) {
    return new ArgumentInvalidException(operation + " " + why + "; nothing was sent.");
  }
}

package io.claribi.demovendor.tools;

import java.util.Map;
import java.util.Optional;

/** A tool call's arguments, read by name; the SDK has already checked them against the schema. */
record Arguments(Map<String, Object> values) {

  Arguments {
    values = values == null ? Map.of() : values;
  }

  Optional<String> text(String name) {
    Object value = values.get(name);
    return value == null ? Optional.empty() : Optional.of(value.toString());
  }

  String requiredText(String name) {
    return text(name).orElseThrow(() -> new IllegalArgumentException(name + " is required"));
  }

  Optional<Long> number(String name) {
    Object value = values.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return Optional.of(n.longValue());
    }
    throw new IllegalArgumentException(name + " must be an integer");
  }

  int limit(int defaultLimit) {
    return number("limit").map(Long::intValue).orElse(defaultLimit);
  }
}

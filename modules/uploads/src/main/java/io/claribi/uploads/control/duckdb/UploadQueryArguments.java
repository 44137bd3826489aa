package io.claribi.uploads.control.duckdb;

import io.claribi.uploads.control.duckdb.UploadQuery.Aggregate;
import io.claribi.uploads.control.duckdb.UploadQuery.Filter;
import io.claribi.uploads.control.duckdb.UploadQuery.Order;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads {@code query_upload}'s tool arguments, as the MCP SDK hands them over (maps, lists,
 * strings, numbers, booleans), into an {@link UploadQuery}. Shapes only: names are checked against
 * the schema later. Unknown keys are refused so a misspelt {@code group_by} is not silently
 * ignored.
 */
public final class UploadQueryArguments {

  private static final Set<String> KEYS =
      Set.of("columns", "filters", "group_by", "aggregates", "order_by", "limit");

  private UploadQueryArguments() {}

  public static UploadQuery parse(Map<String, Object> arguments) {
    return parse(arguments, Set.of());
  }

  /**
   * @param callerKeys keys the caller added and reads itself (such as which upload), skipped here
   */
  public static UploadQuery parse(Map<String, Object> arguments, Set<String> callerKeys) {
    Map<String, Object> args = arguments == null ? Map.of() : arguments;
    for (String key : args.keySet()) {
      if (!KEYS.contains(key) && !callerKeys.contains(key)) {
        throw QueryInvalid.because(
            "Unknown argument "
                + QueryInvalid.quoted(String.valueOf(key))
                + "; expected "
                + KEYS
                + ".");
      }
    }
    return new UploadQuery(
        list(args, "columns", (value, at) -> string(value, at)),
        list(args, "filters", UploadQueryArguments::filter),
        list(args, "group_by", (value, at) -> string(value, at)),
        list(args, "aggregates", UploadQueryArguments::aggregate),
        list(args, "order_by", UploadQueryArguments::order),
        limit(args.get("limit")));
  }

  private static Filter filter(Object value, String at) {
    Map<String, Object> filter = object(value, at, Set.of("column", "op", "value", "values"));
    String opName = string(filter.get("op"), at + ".op");
    FilterOp op =
        FilterOp.fromWireName(opName)
            .orElseThrow(
                () ->
                    QueryInvalid.because(
                        at
                            + ".op "
                            + QueryInvalid.quoted(opName)
                            + " is not one of eq, ne, lt, le, gt, ge, contains, starts_with, in, is_null, not_null."));
    List<Object> values;
    if (filter.containsKey("values")) {
      if (filter.containsKey("value")) {
        throw QueryInvalid.because(at + " has both value and values; give one.");
      }
      values = list(filter.get("values"), at + ".values", (item, itemAt) -> scalar(item, itemAt));
    } else if (filter.containsKey("value")) {
      values = java.util.Collections.singletonList(scalar(filter.get("value"), at + ".value"));
    } else {
      values = List.of();
    }
    return new Filter(string(filter.get("column"), at + ".column"), op, values);
  }

  private static Aggregate aggregate(Object value, String at) {
    Map<String, Object> aggregate = object(value, at, Set.of("fn", "column", "alias"));
    String fnName = string(aggregate.get("fn"), at + ".fn");
    AggregateFn fn =
        AggregateFn.fromWireName(fnName)
            .orElseThrow(
                () ->
                    QueryInvalid.because(
                        at
                            + ".fn "
                            + QueryInvalid.quoted(fnName)
                            + " is not one of count, count_distinct, sum, avg, min, max."));
    String column =
        aggregate.containsKey("column") ? string(aggregate.get("column"), at + ".column") : "*";
    String alias =
        aggregate.containsKey("alias") ? string(aggregate.get("alias"), at + ".alias") : null;
    return new Aggregate(fn, column, alias);
  }

  private static Order order(Object value, String at) {
    Map<String, Object> order = object(value, at, Set.of("column", "direction"));
    String direction =
        order.containsKey("direction") ? string(order.get("direction"), at + ".direction") : "asc";
    if (!direction.equals("asc") && !direction.equals("desc")) {
      throw QueryInvalid.because(at + ".direction must be asc or desc.");
    }
    return new Order(string(order.get("column"), at + ".column"), direction.equals("desc"));
  }

  private static int limit(Object value) {
    if (value == null) {
      return UploadQuery.DEFAULT_LIMIT;
    }
    if (!(value instanceof Number number)) {
      throw QueryInvalid.because("limit must be a whole number.");
    }
    BigDecimal limit = new BigDecimal(number.toString());
    if (limit.signum() < 1 || limit.compareTo(BigDecimal.valueOf(UploadQuery.MAX_LIMIT)) > 0) {
      throw QueryInvalid.because("limit must be between 1 and " + UploadQuery.MAX_LIMIT + ".");
    }
    if (limit.stripTrailingZeros().scale() > 0) {
      throw QueryInvalid.because("limit must be a whole number.");
    }
    return limit.intValue();
  }

  private static <T> List<T> list(
      Map<String, Object> args, String key, BiFunction<Object, String, T> item) {
    return args.containsKey(key) ? list(args.get(key), key, item) : List.of();
  }

  private static <T> List<T> list(Object value, String at, BiFunction<Object, String, T> item) {
    if (!(value instanceof List<?> list)) {
      throw QueryInvalid.because(at + " must be a list.");
    }
    List<T> items = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      items.add(item.apply(list.get(i), at + "[" + i + "]"));
    }
    return items;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, String at, Set<String> keys) {
    if (!(value instanceof Map<?, ?> map)) {
      throw QueryInvalid.because(at + " must be an object.");
    }
    for (Object key : map.keySet()) {
      if (!keys.contains(key)) {
        throw QueryInvalid.because(
            at
                + " has unknown key "
                + QueryInvalid.quoted(String.valueOf(key))
                + "; expected "
                + keys
                + ".");
      }
    }
    return (Map<String, Object>) map;
  }

  private static String string(Object value, String at) {
    if (!(value instanceof String text)) {
      throw QueryInvalid.because(at + " must be a string.");
    }
    return text;
  }

  /** A filter value: a string, number or boolean; the column decides later what it must be. */
  private static Object scalar(Object value, String at) {
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    throw QueryInvalid.because(
        at
            + " must be a string, number or boolean"
            + (value == null ? " (use is_null for missing values)." : "."));
  }
}

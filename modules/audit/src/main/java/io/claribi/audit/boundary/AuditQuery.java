package io.claribi.audit.boundary;

import io.claribi.audit.control.EventFilter;
import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the query parameters of the audit endpoints. Every malformed value is a 400 problem with a
 * stable code (docs/api.md), never a silently ignored filter.
 */
public final class AuditQuery {

  public static final String INVALID_TIME = "INVALID_TIME";
  public static final String INVALID_TIME_RANGE = "INVALID_TIME_RANGE";
  public static final String UNKNOWN_EVENT_TYPE = "UNKNOWN_EVENT_TYPE";
  public static final String UNKNOWN_FORMAT = "UNKNOWN_FORMAT";
  public static final String INVALID_PARAMETER = "INVALID_PARAMETER";

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  private AuditQuery() {}

  public static EventFilter filter(
      String from, String to, String connection, String vendor, List<String> types, String actor) {
    Instant start = time("from", from);
    Instant end = time("to", to);
    requireOrdered(start, end);
    return filterBetween(start, end, connection, vendor, types, actor);
  }

  /** The same checks for times already read, such as the console's days in a time zone. */
  public static EventFilter filterBetween(
      Instant start,
      Instant end,
      String connection,
      String vendor,
      List<String> types,
      String actor) {
    requireOrdered(start, end);
    return new EventFilter(
        start,
        end,
        identifier("connection", connection),
        identifier("vendor", vendor),
        types(types),
        actor("actor", actor));
  }

  /** An ISO-8601 instant ({@code 2026-11-24T10:00:00Z}), offset date-time, or a UTC date. */
  public static Instant time(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest(
          INVALID_TIME,
          "'"
              + name
              + "' must be an ISO-8601 date-time with offset (2026-11-24T10:00:00Z) or a date"
              + " (2026-11-24).");
    }
  }

  public static Instant requiredTime(String name, String value) {
    Instant time = time(name, value);
    if (time == null) {
      throw ProblemException.badRequest(INVALID_TIME, "'" + name + "' is required.");
    }
    return time;
  }

  public static void requireOrdered(Instant from, Instant to) {
    if (from != null && to != null && from.isAfter(to)) {
      throw ProblemException.badRequest(
          INVALID_TIME_RANGE, "'from' must not be after 'to' (from is inclusive, to exclusive).");
    }
  }

  public static Set<AuditEventType> types(List<String> values) {
    if (values == null) {
      return Set.of();
    }
    Set<AuditEventType> types = EnumSet.noneOf(AuditEventType.class);
    for (String value : values) {
      for (String name : value.split(",")) {
        if (name.isBlank()) {
          continue;
        }
        try {
          types.add(AuditEventType.valueOf(name.trim()));
        } catch (IllegalArgumentException e) {
          throw ProblemException.badRequest(
              UNKNOWN_EVENT_TYPE,
              "Unknown event type; known types are "
                  + Arrays.stream(AuditEventType.values())
                      .map(Enum::name)
                      .collect(Collectors.joining(", "))
                  + ".");
        }
      }
    }
    return types;
  }

  public static String identifier(String name, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (!AuditEvent.isIdentifier(value)) {
      throw ProblemException.badRequest(
          INVALID_PARAMETER, "'" + name + "' must be 1-64 letters, digits, '.', '_', ':' or '-'.");
    }
    return value;
  }

  public static String actor(String name, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.length() > 255 || value.chars().anyMatch(Character::isISOControl)) {
      throw ProblemException.badRequest(
          INVALID_PARAMETER, "'" + name + "' must be 1-255 characters without control characters.");
    }
    return value;
  }

  public static int limit(String value) {
    if (value == null || value.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    long limit = integer("limit", value);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ProblemException.badRequest(
          INVALID_PARAMETER, "'limit' must be between 1 and " + MAX_LIMIT + ".");
    }
    return (int) limit;
  }

  /**
   * Whether a page lists newest first: {@code order=newest} (paged with {@code before}) or {@code
   * oldest}, the default (paged with {@code after}). Exports are always oldest first, as the chain
   * runs; a cursor of the other order is refused rather than ignored.
   */
  public static boolean newestFirst(String order, String after, String before, boolean export) {
    boolean newest;
    if (order == null || order.isEmpty() || order.equals("oldest")) {
      newest = false;
    } else if (order.equals("newest")) {
      newest = true;
    } else {
      throw ProblemException.badRequest(
          INVALID_PARAMETER, "'order' is 'oldest' (the default) or 'newest'.");
    }
    if (newest && export) {
      throw ProblemException.badRequest(
          INVALID_PARAMETER, "An export is always oldest first: leave 'order' out.");
    }
    if (newest && after != null && !after.isEmpty()) {
      throw ProblemException.badRequest(
          INVALID_PARAMETER, "Newest first pages with 'before', not 'after'.");
    }
    if (!newest && before != null && !before.isEmpty()) {
      throw ProblemException.badRequest(
          INVALID_PARAMETER, "'before' pages a newest-first listing: add 'order=newest'.");
    }
    return newest;
  }

  /**
   * The cursor of a newest-first page: the sequence number of the last (oldest) event of the
   * previous page; none for the newest page.
   */
  public static long before(String value) {
    if (value == null || value.isEmpty()) {
      return Long.MAX_VALUE;
    }
    long before = integer("before", value);
    if (before < 1) {
      throw ProblemException.badRequest(INVALID_PARAMETER, "'before' must be positive.");
    }
    return before;
  }

  /** The paging cursor: the sequence number of the last event of the previous page. */
  public static long after(String value) {
    if (value == null || value.isEmpty()) {
      return 0;
    }
    long after = integer("after", value);
    if (after < 0) {
      throw ProblemException.badRequest(INVALID_PARAMETER, "'after' must not be negative.");
    }
    return after;
  }

  public static ExportFormat format(String value) {
    if (value == null || value.isEmpty() || value.equals("json")) {
      return null;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "csv" -> new CsvFormat();
      case "jsonl" -> new JsonLinesFormat();
      default ->
          throw ProblemException.badRequest(
              UNKNOWN_FORMAT, "'format' must be json (paged), csv or jsonl.");
    };
  }

  private static long integer(String name, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ProblemException.badRequest(INVALID_PARAMETER, "'" + name + "' must be an integer.");
    }
  }
}

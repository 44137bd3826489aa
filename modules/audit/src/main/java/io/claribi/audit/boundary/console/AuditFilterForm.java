package io.claribi.audit.boundary.console;

import io.claribi.audit.boundary.AuditQuery;
import io.claribi.audit.control.EventFilter;
import io.claribi.platform.api.ProblemException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The audit page's filters, as the page's address carries them ({@code
 * audit.xhtml?from=2026-12-01&to=2026-12-05&type=CONNECTION_USED&order=newest}). From and to are
 * days of the person's time zone ({@code ConsoleTime}): from its first moment, to its last,
 * inclusive. The rest reads as the query parameters of {@code GET /api/v1/audit/events}, through
 * {@link AuditQuery}.
 */
public final class AuditFilterForm implements Serializable {

  private static final long serialVersionUID = 1L;

  static final List<Integer> PAGE_SIZES = List.of(10, 25, 50, 100);
  static final int DEFAULT_PAGE_SIZE = 25;

  static final String NEWEST = "newest";
  static final String OLDEST = "oldest";

  private String from;
  private String to;
  private String connection;
  private String vendor;
  private String type;
  private String actor;
  private int pageSize = DEFAULT_PAGE_SIZE;
  private String order = NEWEST;

  AuditFilterForm copy() {
    AuditFilterForm copy = new AuditFilterForm();
    copy.from = from;
    copy.to = to;
    copy.connection = connection;
    copy.vendor = vendor;
    copy.type = type;
    copy.actor = actor;
    copy.pageSize = pageSize;
    copy.order = order;
    return copy;
  }

  /**
   * The filter, in {@code zone}; or a 400 problem whose detail the page shows for a value it cannot
   * read.
   *
   * @throws ProblemException for a day that is not a date, from after to, or a malformed id
   */
  EventFilter filter(ZoneId zone) {
    LocalDate first = day("From", from);
    LocalDate last = day("To", to);
    if (first != null && last != null && first.isAfter(last)) {
      throw ProblemException.badRequest(
          AuditQuery.INVALID_TIME_RANGE, "the From day must not be after the To day.");
    }
    return AuditQuery.filterBetween(
        first == null ? null : first.atStartOfDay(zone).toInstant(),
        last == null ? null : last.plusDays(1).atStartOfDay(zone).toInstant(),
        connection,
        vendor,
        type == null ? null : List.of(type),
        actor);
  }

  /** A day as the date picker sends it ({@code 2026-12-05}); empty is no bound. */
  static LocalDate day(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest(
          AuditQuery.INVALID_TIME,
          field
              + " is not a day the page can read. Pick a day in the calendar, or type it as"
              + " year-month-day, for example 2026-12-05.");
    }
  }

  /** The selection as the equivalent API query (UTC instants), for the export's trailer. */
  String query(String format, ZoneId zone) {
    EventFilter filter = filter(zone);
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("format", format);
    parameters.put("from", text(filter.from()));
    parameters.put("to", text(filter.to()));
    parameters.put("connection", connection);
    parameters.put("vendor", vendor);
    parameters.put("type", type);
    parameters.put("actor", actor);
    StringJoiner query = new StringJoiner("&");
    parameters.forEach(
        (name, value) -> {
          if (value != null && !value.isEmpty()) {
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
          }
        });
    return query.toString();
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  boolean isNewestFirst() {
    return !OLDEST.equals(order);
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public String getConnection() {
    return connection;
  }

  public void setConnection(String connection) {
    this.connection = connection == null ? null : connection.strip();
  }

  public String getVendor() {
    return vendor;
  }

  public void setVendor(String vendor) {
    this.vendor = vendor == null ? null : vendor.strip();
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public int getPageSize() {
    return pageSize;
  }

  public void setPageSize(int pageSize) {
    this.pageSize = PAGE_SIZES.contains(pageSize) ? pageSize : DEFAULT_PAGE_SIZE;
  }

  /** The page size as the address carries it; anything but an offered size is the default. */
  public String getSize() {
    return Integer.toString(pageSize);
  }

  public void setSize(String size) {
    try {
      setPageSize(size == null ? DEFAULT_PAGE_SIZE : Integer.parseInt(size.strip()));
    } catch (NumberFormatException e) {
      setPageSize(DEFAULT_PAGE_SIZE);
    }
  }

  /** {@code newest} (the default) or {@code oldest}. */
  public String getOrder() {
    return isNewestFirst() ? NEWEST : OLDEST;
  }

  public void setOrder(String order) {
    this.order = OLDEST.equals(order) ? OLDEST : NEWEST;
  }
}

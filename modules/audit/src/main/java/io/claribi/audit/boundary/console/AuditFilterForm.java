package io.claribi.audit.boundary.console;

import io.claribi.audit.boundary.AuditQuery;
import io.claribi.audit.control.EventFilter;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The audit page's filters as typed. They become an {@link EventFilter} through {@link AuditQuery},
 * the same reading and checks as the query parameters of {@code GET /api/v1/audit/events}.
 */
public final class AuditFilterForm implements Serializable {

  private static final long serialVersionUID = 1L;

  static final List<Integer> PAGE_SIZES = List.of(10, 25, 50, 100);
  static final int DEFAULT_PAGE_SIZE = 25;

  /** A date-time without an offset, as people type it: the page says times are UTC. */
  private static final Pattern LOCAL_DATE_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");

  private String from;
  private String to;
  private String connection;
  private String vendor;
  private String type;
  private String actor;
  private int pageSize = DEFAULT_PAGE_SIZE;

  AuditFilterForm copy() {
    AuditFilterForm copy = new AuditFilterForm();
    copy.from = from;
    copy.to = to;
    copy.connection = connection;
    copy.vendor = vendor;
    copy.type = type;
    copy.actor = actor;
    copy.pageSize = pageSize;
    return copy;
  }

  /**
   * The filter, or the API's 400 problem for a malformed value.
   *
   * @throws io.claribi.platform.api.ProblemException as {@code GET /api/v1/audit/events} would
   */
  EventFilter filter() {
    return AuditQuery.filter(
        utc(from), utc(to), connection, vendor, type == null ? null : List.of(type), actor);
  }

  /** The selection as the equivalent API query, for the export's trailer. */
  String query(String format) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("format", format);
    parameters.put("from", utc(from));
    parameters.put("to", utc(to));
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

  /** {@code 2026-11-24T10:00} or {@code 2026-11-24 10:00} is UTC; anything else goes as typed. */
  static String utc(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    return LOCAL_DATE_TIME.matcher(text).matches() ? text.replace(' ', 'T') + "Z" : text;
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
}

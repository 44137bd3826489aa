package io.claribi.platform.api.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Times on console pages in the person's time zone. The console runs no script (decision 29), so
 * the browser's zone cannot be read: the person chooses it once on the Time zone page, which keeps
 * it in the {@value #COOKIE} cookie (an IANA zone id). A missing or unknown zone is UTC. Every page
 * writes a time through the {@code claribi:time} composite, which shows it here and keeps the UTC
 * instant in the element's {@code datetime} and {@code title} (decision 56).
 */
@Named("consoleTime")
@RequestScoped
public class ConsoleTime {

  public static final String COOKIE = "claribi_tz";

  /** UTC as a region, so that times in it read "UTC" rather than "Z". */
  public static final ZoneId UTC = ZoneId.of("UTC");

  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz", Locale.ENGLISH);
  private static final DateTimeFormatter UTC_TITLE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  @Inject HttpServletRequest request;

  private ZoneId zone;

  public ConsoleTime() {}

  /** For tests and callers that already know the zone. */
  public ConsoleTime(ZoneId zone) {
    this.zone = zone;
  }

  /**
   * The zone named by a cookie value: an IANA region id this Java knows (such as {@code
   * America/New_York}), or {@code UTC}; anything else (missing, unknown, an offset) is UTC.
   */
  public static ZoneId zoneOf(String id) {
    return known(id).orElse(UTC);
  }

  /** The zone for an id the Time zone page offers, or empty. */
  public static Optional<ZoneId> known(String id) {
    if (id == null || id.isEmpty() || id.length() > 64) {
      return Optional.empty();
    }
    if (id.equals("UTC")) {
      return Optional.of(UTC);
    }
    if (!ZoneId.getAvailableZoneIds().contains(id) || !id.contains("/")) {
      return Optional.empty();
    }
    return Optional.of(ZoneId.of(id));
  }

  /** The chosen zone, from this request's cookie. */
  public ZoneId getZone() {
    if (zone == null) {
      zone = zoneOf(cookie());
    }
    return zone;
  }

  /** {@code UTC} or the IANA id, e.g. {@code America/New_York}. */
  public String getZoneId() {
    return getZone().getId();
  }

  /** The zone as the header names it: {@code America/New_York (Eastern Time)}, or {@code UTC}. */
  public String getZoneName() {
    return name(getZone());
  }

  public static String name(ZoneId zone) {
    if (zone.equals(UTC)) {
      return "UTC";
    }
    return zone.getId() + " (" + zone.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ")";
  }

  /** {@code 5 Dec 2026, 14:03 EST}: the one way the console shows a time to people. */
  public String local(Instant instant) {
    return instant == null ? "" : LOCAL.format(instant.atZone(getZone()));
  }

  /** {@code 2026-12-05T19:03:00Z}, for the {@code datetime} attribute. */
  public String iso(Instant instant) {
    return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** {@code 2026-12-05 19:03:00 UTC}, for the {@code title} (what support asks for). */
  public String utc(Instant instant) {
    return instant == null ? "" : UTC_TITLE.format(instant);
  }

  /** This page's path and query, URL-encoded, for the Time zone page's {@code return} parameter. */
  public String getHere() {
    String path = request.getRequestURI();
    String query = request.getQueryString();
    return URLEncoder.encode(query == null ? path : path + "?" + query, StandardCharsets.UTF_8);
  }

  private String cookie() {
    Cookie[] cookies = request == null ? null : request.getCookies();
    return cookies == null
        ? null
        : Arrays.stream(cookies)
            .filter(c -> COOKIE.equals(c.getName()))
            .map(Cookie::getValue)
            .findFirst()
            .orElse(null);
  }
}

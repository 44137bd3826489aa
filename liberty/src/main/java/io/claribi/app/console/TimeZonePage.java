package io.claribi.app.console;

import io.claribi.platform.api.console.ConsoleTime;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * The console's "Time zone" page: the person chooses the zone the console shows times in, once
 * (decision 56: no script, so the browser's zone cannot be read). The choice is the {@value
 * ConsoleTime#COOKIE} cookie; afterwards the browser goes back to the console page it came from,
 * only ever a page of this console ({@link #returnPath}), never another site.
 */
@Named
@ViewScoped
public class TimeZonePage implements Serializable {

  private static final long serialVersionUID = 1L;

  static final int ONE_YEAR = 365 * 24 * 60 * 60;

  @Inject ConsoleTime time;
  @Inject Clock clock;

  private String returnTo;
  private String zone;
  private String problem;

  /** Every visit (f:viewAction): the zone chosen now is the one selected. */
  public void load() {
    if (zone == null) {
      zone = time.getZoneId();
    }
  }

  /** "Save": keeps the zone for a year and goes back; an unknown zone is refused, nothing kept. */
  public void save() throws IOException {
    ZoneId chosen = ConsoleTime.known(zone).orElse(null);
    if (chosen == null) {
      problem = "Choose a time zone from the list.";
      return;
    }
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    ((HttpServletResponse) external.getResponse())
        .addHeader(
            "Set-Cookie", cookie(request.getContextPath(), request.isSecure(), chosen.getId()));
    external.redirect(returnPath(request.getContextPath(), returnTo));
  }

  /**
   * Path {@code <context>/console}, SameSite=Strict, HttpOnly, Secure on HTTPS, one year. Written
   * as a header because Servlet's {@code Cookie} has no SameSite before 6.0's attributes; the value
   * is a zone id {@link ConsoleTime#known} accepted (letters, digits, {@code / _ + -}).
   */
  static String cookie(String contextPath, boolean secure, String zone) {
    return ConsoleTime.COOKIE
        + "="
        + zone
        + "; Path="
        + contextPath
        + "/console; Max-Age="
        + ONE_YEAR
        + "; HttpOnly; SameSite=Strict"
        + (secure ? "; Secure" : "");
  }

  /**
   * Where "Save" and "Back" go: the console page named by {@code return} (its path and query only,
   * {@link ReturnAddress#pathAndQuery}), or the console's home page for anything else: another
   * site, a path outside the console, this page itself, sign-out, or nothing.
   */
  static String returnPath(String contextPath, String returnTo) {
    String console = contextPath + "/console/";
    String home = contextPath + ConsoleSignInMechanism.HOME_PAGE;
    if (returnTo == null || returnTo.isEmpty() || !returnTo.startsWith("/")) {
      return home;
    }
    return ReturnAddress.pathAndQuery(returnTo)
        .filter(path -> path.equals(returnTo))
        .filter(path -> path.startsWith(console))
        .filter(path -> !path.startsWith(console + "time-zone.xhtml"))
        .filter(path -> !path.startsWith(console + "sign-out"))
        .filter(path -> !path.startsWith(contextPath + ConsoleSignInMechanism.SIGN_IN_PAGE))
        .orElse(home);
  }

  public String getBack() {
    return returnPath(
        FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath(), returnTo);
  }

  /** The common zones first, then every IANA region id this Java knows, alphabetically. */
  public List<SelectItem> getZones() {
    return TimeZones.CHOICES;
  }

  /** What now is in the chosen zone, as the console shows it. */
  public String getNow() {
    return time.local(clock.instant());
  }

  public String getZoneName() {
    return time.getZoneName();
  }

  public String getReturnTo() {
    return returnTo;
  }

  public void setReturnTo(String returnTo) {
    this.returnTo = returnTo;
  }

  public String getZone() {
    return zone;
  }

  public void setZone(String zone) {
    this.zone = zone;
  }

  public String getProblem() {
    return problem;
  }

  /** The select's two groups. */
  static final class TimeZones {

    static final List<String> COMMON =
        List.of(
            "UTC",
            "America/Los_Angeles",
            "America/Denver",
            "America/Chicago",
            "America/New_York",
            "America/Toronto",
            "America/Sao_Paulo",
            "Europe/London",
            "Europe/Dublin",
            "Europe/Paris",
            "Europe/Berlin",
            "Europe/Madrid",
            "Europe/Zurich",
            "Africa/Johannesburg",
            "Asia/Dubai",
            "Asia/Kolkata",
            "Asia/Singapore",
            "Asia/Shanghai",
            "Asia/Tokyo",
            "Australia/Sydney",
            "Pacific/Auckland");

    static final List<SelectItem> CHOICES =
        List.of(
            group("Common time zones", COMMON),
            group(
                "All time zones",
                ZoneId.getAvailableZoneIds().stream()
                    .filter(id -> ConsoleTime.known(id).isPresent())
                    .filter(id -> !COMMON.contains(id))
                    .sorted()
                    .toList()));

    private TimeZones() {}

    private static SelectItemGroup group(String label, List<String> ids) {
      SelectItemGroup group = new SelectItemGroup(label);
      group.setSelectItems(
          ids.stream()
              .map(id -> new SelectItem(id, ConsoleTime.name(ConsoleTime.zoneOf(id))))
              .toArray(SelectItem[]::new));
      return group;
    }
  }
}

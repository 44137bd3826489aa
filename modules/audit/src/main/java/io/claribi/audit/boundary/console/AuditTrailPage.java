package io.claribi.audit.boundary.console;

import io.claribi.audit.boundary.AuditQuery;
import io.claribi.audit.boundary.AuditTrail;
import io.claribi.audit.boundary.EventPage;
import io.claribi.audit.boundary.EventView;
import io.claribi.audit.boundary.Export;
import io.claribi.audit.boundary.Verification;
import io.claribi.audit.control.AuditSettings;
import io.claribi.audit.control.EventFilter;
import io.claribi.platform.api.ProblemException;
import io.claribi.platform.api.Roles;
import io.claribi.platform.api.VerifiedCaller;
import io.claribi.platform.api.console.ConsoleTime;
import io.claribi.tiering.api.Entitlement;
import io.claribi.tiering.api.Entitlements;
import io.claribi.tiering.api.Plan;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * The console's "Audit trail" page: the signed-in admin's organization's events, filtered and paged
 * like {@code GET /api/v1/audit/events}, exported as CSV or JSON Lines through the same export
 * stream, and the chain verified as {@code GET /api/v1/audit/verify} does. The same rules as the
 * API: org admins only (403 otherwise), and only on a plan with the audit trail; the organization
 * is the caller's own, from their identity.
 */
@Named
@ViewScoped
public class AuditTrailPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject AuditTrail trail;
  @Inject Verification verification;
  @Inject AuditSettings settings;
  @Inject Entitlements entitlements;
  @Inject VerifiedCaller caller;
  @Inject Clock clock;
  @Inject ConsoleTime time;

  /** What the address asks for (f:viewParam): the filters, and an export format if any. */
  private final AuditFilterForm form = new AuditFilterForm();

  private String exportFormat;

  /** The filter of the table shown; null when no table is shown. */
  private AuditFilterForm shown;

  /**
   * The cursor of this page: oldest first, the {@code after} of the API; newest first, the sequence
   * number the page's events are below ({@code Long.MAX_VALUE} for the first).
   */
  private long cursor;

  private final Deque<Long> before = new ArrayDeque<>();
  private Long next;
  private List<EventRow> events = List.of();

  private String plan;
  private String requiredPlan;
  private String problem;
  private ChainVerdict verdict;

  /**
   * Every visit (f:viewAction): the first page of what the address's filters select (the whole
   * trail, newest first, without any), or with {@code export=csv|jsonl} that selection as a file.
   */
  public void load() throws IOException {
    if (!mayRead()) {
      return;
    }
    if (exportFormat != null && !exportFormat.isEmpty()) {
      export(exportFormat);
    } else {
      show();
    }
  }

  /** The first page of what the filters select, or why they cannot. */
  void show() throws IOException {
    if (!mayRead()) {
      return;
    }
    problem = null;
    shown = null;
    events = List.of();
    try {
      form.filter(time.getZone());
    } catch (ProblemException invalid) {
      problem = invalid.detail();
      return;
    }
    shown = form.copy();
    before.clear();
    read(shown.isNewestFirst() ? Long.MAX_VALUE : 0);
  }

  public void nextPage() throws IOException {
    if (shown != null && next != null && mayRead()) {
      before.push(cursor);
      read(next);
    }
  }

  public void previousPage() throws IOException {
    if (shown != null && !before.isEmpty() && mayRead()) {
      read(before.pop());
    }
  }

  private void read(long at) {
    int size = shown.getPageSize();
    EventFilter filter = shown.filter(time.getZone());
    List<EventView> read =
        shown.isNewestFirst()
            ? trail.selectNewestFirst(filter, at, size)
            : trail.select(filter, at, Long.MAX_VALUE, size);
    EventPage page = EventPage.of(read, size);
    cursor = at;
    next = page.next() == null ? null : Long.valueOf(page.next());
    events = page.events().stream().map(EventRow::of).toList();
  }

  /** Streams the filters' whole selection as a download (UTC, oldest first), as the API's. */
  private void export(String format) throws IOException {
    if (!List.of("csv", "jsonl").contains(format)) {
      problem = "An export is a CSV or a JSON Lines file.";
      return;
    }
    EventFilter filter;
    try {
      filter = form.filter(time.getZone());
    } catch (ProblemException invalid) {
      problem = invalid.detail();
      return;
    }
    Export file =
        Export.of(
            trail,
            settings,
            clock.instant(),
            filter,
            AuditQuery.format(format),
            form.query(format, time.getZone()));
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext response = faces.getExternalContext();
    response.responseReset();
    response.setResponseContentType(file.mediaType());
    response.setResponseHeader("Content-Disposition", file.contentDisposition());
    file.stream().write(response.getResponseOutputStream());
    faces.responseComplete();
  }

  /** Recomputes the whole chain, as {@code GET /api/v1/audit/verify}. */
  public void verify() throws IOException {
    if (mayRead()) {
      verdict = ChainVerdict.of(verification.verify());
    }
  }

  /**
   * The API's two checks, on every request: org admins and platform operators only (others get the
   * 403 page), and the plan must include the audit trail unless the caller is an operator reading
   * the operators' trail (otherwise the page explains the upgrade).
   */
  private boolean mayRead() throws IOException {
    if (!caller.isInRole(Roles.ORG_ADMIN) && !caller.isInRole(Roles.PLATFORM_OPERATOR)) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.getExternalContext().responseSendError(403, "Only organization admins and operators");
      faces.responseComplete();
      return false;
    }
    plan = title(entitlements.currentPlan());
    try {
      trail.requireEntitled();
      requiredPlan = null;
      return true;
    } catch (ProblemException locked) {
      if (locked.status() != 403) {
        throw locked;
      }
      requiredPlan =
          locked.requiredPlan().map(p -> title(Plan.valueOf(p))).orElse(title(lowestPlan()));
      shown = null;
      events = List.of();
      verdict = null;
      return false;
    }
  }

  private static Plan lowestPlan() {
    return Plan.lowestWith(Entitlement.AUDIT_TRAIL).orElseThrow();
  }

  /** {@code PROFESSIONAL} → {@code Professional}. */
  static String title(Enum<?> value) {
    String name = value.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  public AuditFilterForm getForm() {
    return form;
  }

  public List<SelectItem> getEventTypes() {
    return EventTypes.choices();
  }

  public List<String> getPageSizes() {
    return AuditFilterForm.PAGE_SIZES.stream().map(String::valueOf).toList();
  }

  public String getExport() {
    return exportFormat;
  }

  public void setExport(String format) {
    this.exportFormat = format;
  }

  /** The zone the filters' days and the events' times are in, e.g. {@code America/New_York}. */
  public String getZoneName() {
    return time.getZoneName();
  }

  public boolean isNewestFirst() {
    return shown == null || shown.isNewestFirst();
  }

  public boolean isEntitled() {
    return requiredPlan == null;
  }

  public String getPlan() {
    return plan;
  }

  public String getRequiredPlan() {
    return requiredPlan;
  }

  public String getProblem() {
    return problem;
  }

  public boolean isTableShown() {
    return shown != null;
  }

  public List<EventRow> getEvents() {
    return events;
  }

  public int getPageNumber() {
    return before.size() + 1;
  }

  public boolean isHasNext() {
    return next != null;
  }

  public boolean isHasPrevious() {
    return !before.isEmpty();
  }

  public ChainVerdict getVerdict() {
    return verdict;
  }
}

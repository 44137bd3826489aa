package io.claribi.tiering.boundary.console;

import io.claribi.platform.api.ProblemException;
import io.claribi.platform.api.Roles;
import io.claribi.platform.api.VerifiedCaller;
import io.claribi.platform.api.console.ConnectionLabels;
import io.claribi.platform.api.console.ConsoleTime;
import io.claribi.platform.api.console.Notice;
import io.claribi.tiering.api.OrganizationView;
import io.claribi.tiering.api.Plan;
import io.claribi.tiering.api.PlanRequestView;
import io.claribi.tiering.api.ToolCallHistory;
import io.claribi.tiering.api.ToolCallUsage;
import io.claribi.tiering.boundary.OrganizationPlans;
import io.claribi.tiering.boundary.PlanRequesting;
import io.claribi.tiering.boundary.UsageHistory;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The console's "Plan and usage" page: the signed-in user's organization, its plan and what larger
 * plans add, this month's tool calls against the quota with a warning before the limit, and a chart
 * of the calls per day, by connection and by tool (decision 0057). It reads through the same
 * facades as {@code GET /api/v1/organization} and {@code GET /api/v1/organization/usage}, so the
 * organization is the caller's own, from their identity. The chart's filter is in the URL ({@code
 * ?connection=…&tool=…&month=…}), so a view can be shared.
 */
@Named
@ViewScoped
public class PlanAndUsagePage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** From this share of the quota on, the page warns. */
  static final int WARN_AT_PERCENT = 80;

  @Inject OrganizationPlans plans;
  @Inject UsageHistory usage;
  @Inject Instance<ConnectionLabels> connectionLabels;
  @Inject PlanRequesting requesting;
  @Inject VerifiedCaller caller;
  @Inject ConsoleTime consoleTime;

  /** Read again on every visit (f:viewAction); the view holds no copy across sessions. */
  private transient OrganizationView organization;

  private transient ToolCallHistory history;
  private transient UsageChart chart;
  private transient Map<String, String> labels = Map.of();
  private transient List<ToolCallHistory.ByTool> toolOptions = List.of();
  private final Notice notice = new Notice();

  /** The admin's open request for a larger plan, and the newest one if it was declined. */
  private transient PlanRequestView openRequest;

  private transient PlanRequestView declined;

  /** The plan whose request form is open, and the message typed into it. */
  private String asking;

  private String message;

  private String connection;
  private String tool;
  private String month;

  public void load() {
    show(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap());
  }

  /** The page for the URL's parameters ({@code connection}, {@code tool}, {@code month}). */
  void show(Map<String, String> parameters) {
    organization = plans.currentOrganization();
    if (isOperatorView()) {
      return; // the operators' own organization's plan means nothing to them: the overview instead
    }
    connection = bounded(parameters.get("connection"), 64);
    tool = bounded(parameters.get("tool"), 255);
    month = bounded(parameters.get("month"), 7);
    try {
      history = usage.history(month, connection, tool);
    } catch (ProblemException refused) {
      notice.alert(refused.getMessage() + " This month is shown instead.");
      month = null;
      history = usage.history(null, connection, tool);
    }
    ToolCallHistory everything =
        connection == null && tool == null ? history : usage.history(month, null, null);
    chart = UsageChart.of(history);
    readRequests();
    labels = labelsOf(everything);
    toolOptions = everything.byTool();
  }

  private void readRequests() {
    openRequest = null;
    declined = null;
    if (caller == null || requesting == null || !caller.isInRole(Roles.ORG_ADMIN)) {
      return;
    }
    List<PlanRequestView> requests = requesting.history();
    if (!requests.isEmpty()) {
      PlanRequestView newest = requests.get(0);
      openRequest = "OPEN".equals(newest.state()) ? newest : null;
      declined = "DECLINED".equals(newest.state()) ? newest : null;
    }
  }

  /** Opens the request form at a larger plan's row. */
  public void ask(String plan) {
    notice.clear();
    asking = plan;
    message = null;
    show(Map.of());
  }

  public void cancelAsking() {
    asking = null;
    message = null;
    show(Map.of());
  }

  /** Sends the request to the platform operators; they see it with a count in their menu. */
  public void sendRequest() {
    Plan plan = Plan.valueOf(asking);
    try {
      requesting.request(plan, message);
    } catch (ProblemException refused) {
      show(Map.of());
      notice.alert("The request was not sent: " + refused.getMessage());
      return;
    }
    asking = null;
    message = null;
    show(Map.of());
    notice.status(
        "Your request for the "
            + PlanWords.plan(plan)
            + " plan was sent to the platform operators. The plan changes when they grant it.");
  }

  /**
   * A platform operator who is not also an organization's admin lands on the operators' overview
   * (what waits for them) instead of their own organization's plan.
   */
  public boolean isOperatorView() {
    return caller != null
        && caller.isInRole(Roles.PLATFORM_OPERATOR)
        && !caller.isInRole(Roles.ORG_ADMIN);
  }

  public boolean isMayAsk() {
    return caller != null && caller.isInRole(Roles.ORG_ADMIN);
  }

  public String getAsking() {
    return asking;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public int getMessageMax() {
    return 500;
  }

  /** "You asked for the Professional plan on …": empty when no request is open. */
  public String getOpenRequest() {
    if (openRequest == null) {
      return "";
    }
    return "You asked for the "
        + PlanWords.plan(openRequest.plan())
        + " plan on "
        + when(openRequest.requestedAt())
        + ". The platform operators have not answered yet; asking again replaces the request.";
  }

  public String getOpenRequestPlan() {
    return openRequest == null ? "" : openRequest.plan().name();
  }

  /** The operator's answer to the newest request, if they declined it. */
  public String getDeclined() {
    if (declined == null) {
      return "";
    }
    return "Your request for the "
        + PlanWords.plan(declined.plan())
        + " plan was declined on "
        + when(declined.closedAt())
        + ": "
        + declined.closingReason();
  }

  private Map<String, String> labelsOf(ToolCallHistory all) {
    Set<String> ids =
        all.byConnection().stream()
            .map(ToolCallHistory.ByConnection::connection)
            .collect(Collectors.toSet());
    if (ids.isEmpty() || connectionLabels == null || !connectionLabels.isResolvable()) {
      return Map.of();
    }
    return connectionLabels.get().labels(ids);
  }

  private static String bounded(String value, int length) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String stripped = value.strip();
    return stripped.length() > length ? stripped.substring(0, length) : stripped;
  }

  // Expression Language 5 (Jakarta EE 10) cannot read record components: one getter each.

  public String getName() {
    return organization.name();
  }

  public String getId() {
    return organization.id();
  }

  public String getPlan() {
    return PlanWords.plan(organization.plan());
  }

  public List<String> getEntitlements() {
    return organization.entitlements().stream().map(PlanWords::entitlement).toList();
  }

  public String getToolCallsUsed() {
    return PlanWords.number(organization.toolCalls().used());
  }

  public String getToolCallsLimit() {
    return PlanWords.number(organization.toolCalls().limit());
  }

  public String getToolCallsLeft() {
    ToolCallUsage calls = organization.toolCalls();
    return PlanWords.number(Math.max(0, calls.limit() - calls.used()));
  }

  public String getPeriod() {
    return PlanWords.month(organization.toolCalls().period());
  }

  /** When the count starts again, in the person's chosen zone (decision 56). */
  public String getResetsAt() {
    return when(organization.toolCalls().resetsAt());
  }

  /** The same instant, for the page's {@code claribi:time} (UTC in its title). */
  public Instant getResetsAtInstant() {
    return organization.toolCalls().resetsAt();
  }

  private String when(Instant instant) {
    return consoleTime == null ? PlanWords.day(instant) : consoleTime.local(instant);
  }

  /** Share of the monthly quota used, 0 to 100, for the meter on the page. */
  public int getPercentUsed() {
    ToolCallUsage calls = organization.toolCalls();
    if (calls.limit() <= 0) {
      return 100;
    }
    return (int) Math.min(100, calls.used() * 100 / calls.limit());
  }

  /** A warning from {@link #WARN_AT_PERCENT} of the quota on; empty below it. */
  public String getQuotaWarning() {
    int percent = getPercentUsed();
    if (percent >= 100) {
      return "All of this month's tool calls are used: tool calls are refused until "
          + getResetsAt()
          + ". A larger plan raises the limit at once.";
    }
    if (percent >= WARN_AT_PERCENT) {
      return "You have used "
          + percent
          + " % of this month's tool calls; "
          + getToolCallsLeft()
          + " are left until "
          + getResetsAt()
          + ". When none are left, tool calls are refused until then.";
    }
    return "";
  }

  public boolean isQuotaExhausted() {
    return getPercentUsed() >= 100;
  }

  /** The plans above this one, each with its quota and what it adds to this plan. */
  public List<PlanOffer> getLargerPlans() {
    Plan current = organization.plan();
    return Arrays.stream(Plan.values())
        .filter(plan -> plan.ordinal() > current.ordinal())
        .map(plan -> PlanOffer.of(plan, current))
        .toList();
  }

  // The chart and its numbers

  public String getChartMonth() {
    return PlanWords.month(history.period());
  }

  public String getMonth() {
    return history.period();
  }

  public String getPreviousMonth() {
    return YearMonth.parse(history.period()).minusMonths(1).toString();
  }

  public boolean isCurrentMonth() {
    return history.period().equals(organization.toolCalls().period());
  }

  public String getConnection() {
    return connection == null ? "" : connection;
  }

  public String getTool() {
    return tool == null ? "" : tool;
  }

  public boolean isFiltered() {
    return connection != null || tool != null;
  }

  public UsageChart getChart() {
    return chart;
  }

  public String getRecorded() {
    return PlanWords.number(history.recorded());
  }

  public String getQuota() {
    return PlanWords.number(history.quota());
  }

  public List<Option> getConnectionOptions() {
    return labels.entrySet().stream()
        .map(e -> new Option(e.getKey(), e.getValue()))
        .sorted(java.util.Comparator.comparing(Option::label))
        .toList();
  }

  public List<Option> getToolOptions() {
    return toolOptions.stream()
        .map(t -> new Option(t.tool(), t.tool() + " (" + t.vendor() + ")"))
        .distinct()
        .toList();
  }

  public List<Row> getByConnection() {
    return history.byConnection().stream()
        .map(
            c ->
                new Row(
                    labels.getOrDefault(c.connection(), "Disconnected connection"),
                    c.vendor(),
                    c.calls(),
                    history.recorded()))
        .toList();
  }

  public List<Row> getByTool() {
    return history.byTool().stream()
        .map(t -> new Row(t.tool(), t.vendor(), t.calls(), history.recorded()))
        .toList();
  }

  public List<DayRow> getDays() {
    return history.days().stream()
        .map(d -> new DayRow(d.day().toString(), d.calls(), d.sinceMonthStart()))
        .toList();
  }

  public Notice getNotice() {
    return notice;
  }

  /** A choice in a filter's select: the value in the URL, the words shown. */
  public record Option(String value, String label) implements Serializable {

    public String getValue() {
      return value;
    }

    public String getLabel() {
      return label;
    }
  }

  /** A line of the "by connection" or "by tool" table. */
  public record Row(String name, String vendor, long calls, long of) implements Serializable {

    public String getName() {
      return name;
    }

    public String getVendor() {
      return vendor;
    }

    public String getCalls() {
      return PlanWords.number(calls);
    }

    public String getShare() {
      return of == 0 ? "0 %" : Math.round(calls * 100.0 / of) + " %";
    }
  }

  public record DayRow(String day, long calls, long sinceMonthStart) implements Serializable {

    public String getDay() {
      return day;
    }

    public String getCalls() {
      return PlanWords.number(calls);
    }

    public String getSinceMonthStart() {
      return PlanWords.number(sinceMonthStart);
    }
  }

  /** A larger plan: its name, its monthly tool calls and what it adds to the current plan. */
  public record PlanOffer(String name, String code, String toolCalls, List<String> adds)
      implements Serializable {

    static PlanOffer of(Plan plan, Plan current) {
      List<String> adds =
          plan.entitlements().stream()
              .filter(e -> !current.includes(e))
              .sorted()
              .map(PlanWords::entitlement)
              .toList();
      return new PlanOffer(
          PlanWords.plan(plan), plan.name(), PlanWords.number(plan.monthlyToolCalls()), adds);
    }

    public String getName() {
      return name;
    }

    public String getCode() {
      return code;
    }

    public String getToolCalls() {
      return toolCalls;
    }

    public List<String> getAdds() {
      return adds;
    }

    public String getAddsText() {
      return adds.isEmpty() ? "More tool calls and larger uploads" : String.join("; ", adds);
    }
  }
}

package io.claribi.catalog.boundary.console;

import io.claribi.catalog.api.VendorId;
import io.claribi.catalog.boundary.Browsing;
import io.claribi.catalog.boundary.Curation;
import io.claribi.catalog.boundary.ToolsResource;
import io.claribi.catalog.boundary.console.ReviewOutcomes.Outcome;
import io.claribi.catalog.entity.Decision;
import io.claribi.platform.api.ConcurrentUpdates;
import io.claribi.platform.api.ProblemException;
import io.claribi.platform.api.Roles;
import io.claribi.platform.api.VerifiedCaller;
import io.claribi.platform.api.console.Notice;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * The console's "Review queue", for platform operators: the tools of active vendors that need a
 * decision, oldest first, reviewed one at a time. The address says which part of the queue and
 * which tool ({@code vendor=}, {@code state=}, {@code tool=<vendor>/<name>}, view parameters), so a
 * view can be shared and survives a reload. Allow and Deny need a reason; a decision goes through
 * {@link Curation#decide}, the facade of {@code PUT /api/v1/catalog/vendors/{v}/tools/{t}}, with
 * the fingerprint of the version the page showed: a tool the vendor changed meanwhile is not
 * decided. The request is checked with the REST API's own constraints ({@link
 * ToolsResource.DecisionRequest}). Every post ends in a redirect to an address of the same filter
 * (the next tool after a decision), its notice kept for that address in {@link ReviewOutcomes}.
 */
@Named
@ViewScoped
public class ReviewQueuePage implements Serializable {

  private static final long serialVersionUID = 1L;

  static final String PAGE = "/console/review.xhtml";

  @Inject Browsing browsing;
  @Inject Curation curation;
  @Inject VerifiedCaller caller;
  @Inject ReviewOutcomes outcomes;

  /** View parameters, as the address gave them. */
  private String vendor;

  private String state;
  private String tool;

  private QueueFilter filter = QueueFilter.of(null, null);

  /** Every tool waiting, whatever the filter. */
  private List<QueuedTool> queue = List.of();

  /** The tools the filter keeps, and the index of the one shown. */
  private List<QueuedTool> shown = List.of();

  private int at;

  private String reason;
  private boolean refused;
  private final Notice notice = new Notice();

  /** Every visit (f:viewAction, not on postbacks). */
  public void load() throws IOException {
    if (OperatorPages.refusedUnlessOperator(caller)) {
      return;
    }
    filter = QueueFilter.of(vendor, state);
    queue = waiting();
    shown = queue.stream().filter(filter::keeps).toList();
    List<String> keys = keys(shown);
    at = QueuePosition.of(keys, tool);
    if (filter.unknownState()) {
      notice.alert(
          "There is no such state to filter by: showing new and changed tools. Use the State"
              + " filter below.");
    } else if (tool != null && !tool.isBlank() && !keys.contains(tool.strip())) {
      notice.alert(
          shown.isEmpty()
              ? "That tool is not waiting for a decision."
              : "That tool is not waiting for a decision: showing the first tool of this queue.");
    }
    outcomes
        .take(filter.query(Optional.ofNullable(tool).map(String::strip)))
        .ifPresent(
            told -> {
              notice.set(told.notice());
              refused = told.refused();
              reason = told.reason();
            });
  }

  private List<QueuedTool> waiting() {
    return browsing.activeVendors().stream()
        .flatMap(
            v ->
                browsing.tools(new VendorId(v.id()), true).stream()
                    .filter(QueuedTool::needsDecision)
                    .map(t -> QueuedTool.of(v, t)))
        .sorted(QueuedTool.OLDEST_FIRST)
        .toList();
  }

  public void allow() throws IOException {
    decide(Decision.ALLOW);
  }

  public void deny() throws IOException {
    decide(Decision.DENY);
  }

  private void decide(Decision decision) throws IOException {
    if (!caller.isInRole(Roles.PLATFORM_OPERATOR)) {
      notice.alert("Only platform operators decide about tools. Nothing was changed.");
      return;
    }
    Optional<QueuedTool> current = getCurrent();
    if (current.isEmpty()) {
      redirect(
          alert("That tool is no longer in the queue. Nothing was changed."), Optional.empty());
      return;
    }
    QueuedTool decided = current.get();
    var request =
        new ToolsResource.DecisionRequest(decision.name(), reason, decided.getFingerprint());
    if (!validator().validate(request).isEmpty()) {
      Notice told = new Notice();
      told.alert(
          "Enter a reason (up to 500 characters) to "
              + (decision == Decision.ALLOW ? "allow " : "deny ")
              + decided.getName()
              + ". Nothing was changed.");
      redirect(new Outcome(told, true, reason), Optional.of(decided.getKey()));
      return;
    }
    try {
      ConcurrentUpdates.retrying(
          Curation.RACE_ATTEMPTS,
          () ->
              curation.decide(
                  new VendorId(decided.getVendorId()),
                  decided.getName(),
                  decision,
                  request.reason(),
                  Optional.of(decided.getFingerprint())));
    } catch (ProblemException problem) {
      redirect(alert(refusal(decided, problem)), Optional.of(decided.getKey()));
      return;
    }
    Notice done = new Notice();
    done.status(
        decided.getName()
            + " of "
            + decided.getVendorName()
            + (decision == Decision.ALLOW ? " is now allowed." : " is now denied."));
    List<String> now = keys(waiting().stream().filter(filter::keeps).toList());
    redirect(
        new Outcome(done, false, null),
        QueuePosition.afterDecision(keys(shown), decided.getKey(), now));
  }

  private static Outcome alert(String text) {
    Notice told = new Notice();
    told.alert(text);
    return new Outcome(told, false, null);
  }

  /** Post, redirect, get: the address always names the filter and the tool shown. */
  private void redirect(Outcome outcome, Optional<String> to) throws IOException {
    outcomes.put(filter.query(to), outcome);
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    external.redirect(external.getRequestContextPath() + href(to));
  }

  /** The page's address (without the context path) for this filter at that tool. */
  private String href(Optional<String> to) {
    String query = filter.query(to);
    return PAGE + (query.isEmpty() ? "" : "?" + query);
  }

  private String link(Optional<String> to) {
    return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
        + href(to);
  }

  private static List<String> keys(List<QueuedTool> tools) {
    return tools.stream().map(QueuedTool::getKey).toList();
  }

  /** Looked up when used: a view-scoped bean may be serialized, the validator is not. */
  private static Validator validator() {
    return CDI.current().select(Validator.class).get();
  }

  private static String refusal(QueuedTool tool, ProblemException refused) {
    if ("TOOL_CHANGED".equals(refused.code())) {
      return tool.getName()
          + " changed at the vendor while you were reviewing it. Nothing was decided: review"
          + " the new version.";
    }
    return "Could not decide about " + tool.getName() + ": " + refused.detail();
  }

  /** The tool shown; none when the filtered queue is empty. */
  public Optional<QueuedTool> getCurrent() {
    return shown.isEmpty() ? Optional.empty() : Optional.of(shown.get(at));
  }

  /** The tool shown, for the page (a list of none or one, for ui:repeat). */
  public List<QueuedTool> getItems() {
    return getCurrent().stream().toList();
  }

  /** "Tool 3 of 17". */
  public String getPosition() {
    return shown.isEmpty() ? "" : "Tool " + (at + 1) + " of " + shown.size();
  }

  public int getCount() {
    return shown.size();
  }

  public int getTotal() {
    return queue.size();
  }

  public boolean isFiltered() {
    return filter.narrows();
  }

  public String getPreviousHref() {
    return at > 0 ? link(Optional.of(shown.get(at - 1).getKey())) : null;
  }

  public String getNextHref() {
    return at + 1 < shown.size() ? link(Optional.of(shown.get(at + 1).getKey())) : null;
  }

  /** The whole queue, filtered, as links keeping the filter. */
  public List<QueueLink> getLinks() {
    Optional<QueuedTool> current = getCurrent();
    return shown.stream()
        .map(
            t ->
                new QueueLink(
                    t,
                    link(Optional.of(t.getKey())),
                    current.map(c -> c.getKey().equals(t.getKey())).orElse(false)))
        .toList();
  }

  /** The vendors with tools in the queue, by name, for the filter. */
  public List<VendorOption> getVendors() {
    return VendorOption.of(queue, filter.vendor());
  }

  public String getState() {
    return filter.state();
  }

  public void setState(String state) {
    this.state = state;
  }

  public String getVendor() {
    return filter.vendor();
  }

  public void setVendor(String vendor) {
    this.vendor = vendor;
  }

  public String getTool() {
    return tool;
  }

  public void setTool(String tool) {
    this.tool = tool;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  /** Whether the reason was refused, to show the message next to its field. */
  public boolean isRefused() {
    return refused;
  }

  public Notice getNotice() {
    return notice;
  }

  /** How the shown part of the queue is filtered, in words: "new tools of Acme Payments". */
  public String getFilterDescription() {
    return filter.describe(queue);
  }
}

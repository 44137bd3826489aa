package io.claribi.tiering.boundary.console;

import io.claribi.platform.api.ConcurrentUpdates;
import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.ProblemException;
import io.claribi.platform.api.Roles;
import io.claribi.platform.api.VerifiedCaller;
import io.claribi.platform.api.console.ConsoleText;
import io.claribi.tiering.api.Plan;
import io.claribi.tiering.boundary.OrganizationChanges;
import io.claribi.tiering.boundary.OrganizationPlans;
import io.claribi.tiering.boundary.OrganizationsResource;
import io.claribi.tiering.boundary.PlanRequesting;
import io.claribi.tiering.control.CrossTenantOrganizations;
import io.claribi.tiering.control.CrossTenantOrganizations.Listed;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The console's "Organizations" page, for platform operators: every organization with its plan, and
 * a change of plan with a reason, through the same facade as {@code PUT /api/v1/organizations/{id}}
 * (so it is audited in the organization's trail and the operator's, with the reason). Nobody else
 * may open it.
 */
@Named
@ViewScoped
public class OrganizationsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** More than a console page should list; past it the operator uses the API. */
  static final int SHOWN = 500;

  static final int REASON_MAX = 500;

  @Inject CrossTenantOrganizations directory;
  @Inject OrganizationPlans plans;
  @Inject OrganizationChanges changes;
  @Inject VerifiedCaller caller;
  @Inject PlanRequesting requesting;

  /** Read again on every visit and after every change; not kept across requests. */
  private transient List<Row> organizations;

  private String editing;
  private String plan;
  private String reason;
  private String notice;
  private boolean alert;
  private boolean reasonInvalid;

  /** The open plan requests, read with the organizations. */
  private transient List<RequestRow> requests;

  /** The organization whose request the decline form is open for. */
  private String declining;

  private String declineReason;

  /** One organization as the page lists it. */
  public record Row(String id, String name, String plan, String planCode) {

    // Expression Language 5 (Jakarta EE 10) cannot read record components: one getter each.
    public String getId() {
      return id;
    }

    public String getName() {
      return name;
    }

    public String getPlan() {
      return plan;
    }

    public String getPlanCode() {
      return planCode;
    }
  }

  /** A plan as the plan menu offers it. */
  public record Choice(String value, String label) {

    public String getValue() {
      return value;
    }

    public String getLabel() {
      return label;
    }
  }

  public void load() throws IOException {
    if (!caller.isInRole(Roles.PLATFORM_OPERATOR)) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces
          .getExternalContext()
          .responseSendError(403, "Only platform operators may open this page.");
      faces.responseComplete();
      return;
    }
    read();
  }

  private void read() {
    requests =
        directory.openRequests(SHOWN).stream()
            .map(
                r ->
                    new RequestRow(
                        r.organization(),
                        r.name(),
                        ConsoleText.title(r.current()),
                        ConsoleText.title(r.plan()),
                        r.plan().name(),
                        r.message() == null ? "" : r.message(),
                        r.requestedBy(),
                        r.requestedAt()))
            .toList();
    organizations =
        directory.all(SHOWN).stream()
            .map(o -> new Row(o.id(), o.name(), ConsoleText.title(o.plan()), o.plan().name()))
            .toList();
  }

  /** An open request for a larger plan, as the operators' list shows it. */
  public record RequestRow(
      String id,
      String name,
      String current,
      String plan,
      String planCode,
      String message,
      String requestedBy,
      Instant requestedAt) {

    public String getId() {
      return id;
    }

    public String getName() {
      return name;
    }

    public String getCurrent() {
      return current;
    }

    public String getPlan() {
      return plan;
    }

    public String getPlanCode() {
      return planCode;
    }

    public String getMessage() {
      return message;
    }

    public String getRequestedBy() {
      return requestedBy;
    }

    /** Written by the page's {@code claribi:time}, in the person's zone. */
    public Instant getRequestedAt() {
      return requestedAt;
    }
  }

  /**
   * Grants a request: the change form opens at the organization's row with the plan asked for
   * chosen; the change (with its reason) answers the request.
   */
  public void grant(String id) {
    Optional<RequestRow> request =
        getRequests().stream().filter(r -> r.id().equals(id)).findFirst();
    edit(id);
    request.ifPresent(r -> plan = r.planCode());
  }

  public void askToDecline(String id) {
    notice = null;
    editing = null;
    declining = id;
    declineReason = null;
  }

  /** Declines the open request with the reason typed, which the organization's admins read. */
  public void decline() {
    if (declining == null) {
      return;
    }
    try {
      requesting.decline(new OrganizationId(declining), declineReason);
    } catch (ProblemException refused) {
      show(refused.getMessage(), true);
      return;
    }
    String name =
        getRequests().stream()
            .filter(r -> r.id().equals(declining))
            .map(RequestRow::name)
            .findFirst()
            .orElse(declining);
    declining = null;
    declineReason = null;
    show("The request of " + name + " was declined; its admins see your reason.", false);
    read();
  }

  public void cancelDecline() {
    declining = null;
    declineReason = null;
    notice = null;
  }

  public List<RequestRow> getRequests() {
    if (requests == null) {
      read();
    }
    return requests;
  }

  public String getDeclining() {
    return declining;
  }

  public String getDeclineReason() {
    return declineReason;
  }

  public void setDeclineReason(String declineReason) {
    this.declineReason = declineReason;
  }

  /** Opens the change form at one organization's row, its current plan chosen. */
  public void edit(String id) {
    notice = null;
    reasonInvalid = false;
    editing = id;
    plan = find(id).map(Listed::plan).map(Plan::name).orElse(null);
    reason = null;
  }

  public void cancel() {
    editing = null;
    reasonInvalid = false;
    notice = null;
  }

  /** Sets the chosen plan with the reason given; nothing changes without a reason. */
  public void save() {
    Optional<Listed> target = Optional.ofNullable(editing).flatMap(this::find);
    if (target.isEmpty()) {
      editing = null;
      show("That organization no longer exists.", true);
      return;
    }
    Optional<Plan> chosen =
        Arrays.stream(Plan.values()).filter(p -> p.name().equals(plan)).findFirst();
    if (chosen.isEmpty()) {
      show("Choose one of the plans.", true);
      return;
    }
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > REASON_MAX) {
      reasonInvalid = true;
      show(
          why.isEmpty()
              ? "Give a reason for the change: it is recorded in the audit trail."
              : "Keep the reason under " + REASON_MAX + " characters.",
          true);
      return;
    }
    Listed organization = target.get();
    if (organization.plan() == chosen.get()) {
      editing = null;
      show(organization.name() + " is already on " + ConsoleText.title(chosen.get()) + ".", false);
      return;
    }
    OrganizationId id = new OrganizationId(organization.id());
    try {
      changes.oneAtATime(
          id,
          () ->
              ConcurrentUpdates.retrying(
                  OrganizationsResource.RACE_ATTEMPTS,
                  () -> plans.provision(id, organization.name(), chosen.get(), why)));
    } catch (ProblemException failed) {
      show("The plan was not changed: " + failed.getMessage(), true);
      read();
      return;
    }
    editing = null;
    reasonInvalid = false;
    reason = null;
    show(
        organization.name()
            + " moved from "
            + ConsoleText.title(organization.plan())
            + " to "
            + ConsoleText.title(chosen.get())
            + ".",
        false);
    read();
  }

  private Optional<Listed> find(String id) {
    return directory.all(SHOWN).stream().filter(o -> o.id().equals(id)).findFirst();
  }

  private void show(String text, boolean isAlert) {
    notice = text;
    alert = isAlert;
  }

  public List<Row> getOrganizations() {
    if (organizations == null) {
      read();
    }
    return organizations;
  }

  public List<Choice> getPlans() {
    return Arrays.stream(Plan.values())
        .map(p -> new Choice(p.name(), ConsoleText.title(p)))
        .toList();
  }

  public String getEditing() {
    return editing;
  }

  public String getPlan() {
    return plan;
  }

  public void setPlan(String plan) {
    this.plan = plan;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getNotice() {
    return notice;
  }

  public boolean isAlert() {
    return alert;
  }

  public boolean isReasonInvalid() {
    return reasonInvalid;
  }

  public int getReasonMax() {
    return REASON_MAX;
  }
}

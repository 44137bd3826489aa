package io.claribi.catalog.boundary.console;

import io.claribi.catalog.api.VendorId;
import io.claribi.catalog.boundary.Browsing;
import io.claribi.catalog.boundary.Curation;
import io.claribi.catalog.boundary.ToolsResource;
import io.claribi.catalog.entity.Decision;
import io.claribi.platform.api.ConcurrentUpdates;
import io.claribi.platform.api.ProblemException;
import io.claribi.platform.api.Roles;
import io.claribi.platform.api.VerifiedCaller;
import io.claribi.platform.api.console.Notice;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's "Review queue", for platform operators: every tool of an active vendor that needs a
 * decision, oldest first, with Allow and Deny and a required reason. A decision goes through {@link
 * Curation#decide}, the facade of {@code PUT /api/v1/catalog/vendors/{v}/tools/{t}}, with the
 * fingerprint of the version the page showed: a tool the vendor changed meanwhile is not decided.
 * The request is checked with the REST API's own constraints ({@link
 * ToolsResource.DecisionRequest}).
 */
@Named
@ViewScoped
public class ReviewQueuePage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Browsing browsing;
  @Inject Curation curation;
  @Inject VerifiedCaller caller;

  private List<QueuedTool> items = List.of();

  /** The reason typed for each tool, by {@link QueuedTool#getKey()}. */
  private final Map<String, String> reasons = new HashMap<>();

  /** The tool whose reason was refused, to show the message next to its field. */
  private String refusedKey;

  private final Notice notice = new Notice();

  /** Every visit (f:viewAction, not on postbacks). */
  public void load() throws IOException {
    if (!OperatorPages.refusedUnlessOperator(caller)) {
      refresh();
    }
  }

  private void refresh() {
    items =
        browsing.activeVendors().stream()
            .flatMap(
                vendor ->
                    browsing.tools(new VendorId(vendor.id()), true).stream()
                        .filter(QueuedTool::needsDecision)
                        .map(tool -> QueuedTool.of(vendor, tool)))
            .sorted(QueuedTool.OLDEST_FIRST)
            .toList();
  }

  public void allow(String key) {
    decide(key, Decision.ALLOW);
  }

  public void deny(String key) {
    decide(key, Decision.DENY);
  }

  private void decide(String key, Decision decision) {
    refusedKey = null;
    if (!caller.isInRole(Roles.PLATFORM_OPERATOR)) {
      notice.alert("Only platform operators decide about tools. Nothing was changed.");
      return;
    }
    Optional<QueuedTool> shown = items.stream().filter(t -> t.getKey().equals(key)).findFirst();
    if (shown.isEmpty()) {
      notice.alert("That tool is no longer in the queue. Nothing was changed.");
      refresh();
      return;
    }
    QueuedTool tool = shown.get();
    String reason = reasons.get(key);
    var request = new ToolsResource.DecisionRequest(decision.name(), reason, tool.getFingerprint());
    if (!validator().validate(request).isEmpty()) {
      refusedKey = key;
      notice.alert(
          "Enter a reason (up to 500 characters) to "
              + verb(decision)
              + " "
              + tool.getName()
              + ". Nothing was changed.");
      return;
    }
    try {
      ConcurrentUpdates.retrying(
          Curation.RACE_ATTEMPTS,
          () ->
              curation.decide(
                  new VendorId(tool.getVendorId()),
                  tool.getName(),
                  decision,
                  request.reason(),
                  Optional.of(tool.getFingerprint())));
      reasons.remove(key);
      notice.status(
          tool.getName()
              + " of "
              + tool.getVendorName()
              + (decision == Decision.ALLOW ? " is now allowed." : " is now denied."));
    } catch (ProblemException refused) {
      notice.alert(refusal(tool, refused));
    }
    refresh();
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

  private static String verb(Decision decision) {
    return decision == Decision.ALLOW ? "allow" : "deny";
  }

  public List<QueuedTool> getItems() {
    return items;
  }

  public Map<String, String> getReasons() {
    return reasons;
  }

  public String getRefusedKey() {
    return refusedKey;
  }

  public Notice getNotice() {
    return notice;
  }
}

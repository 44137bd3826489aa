package io.claribi.gateway.boundary;

import io.claribi.catalog.api.DiscoveryOutcome;
import io.claribi.connections.api.ConnectionExchange;
import io.claribi.gateway.control.CallSlots;
import io.claribi.gateway.control.SingleFlight;
import io.claribi.gateway.control.allowlist.Decision;
import io.claribi.gateway.control.allowlist.ResourcePermit;
import io.claribi.gateway.control.allowlist.ToolPermit;
import io.claribi.gateway.control.mcpclient.VendorReply;
import io.claribi.gateway.control.mcpclient.VendorSessions;
import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.DeferredAuditEvent;
import io.claribi.platform.api.ProblemException;
import io.claribi.platform.api.RequestCorrelation;
import io.claribi.platform.api.TenantBinding;
import io.claribi.platform.api.VerifiedCaller;
import io.claribi.tiering.api.Entitlements;
import io.claribi.tiering.api.Plan;
import io.claribi.tiering.api.QuotaExceededException;
import io.claribi.tiering.api.ToolCallQuota;
import io.claribi.uploads.api.UploadId;
import io.claribi.uploads.api.UploadRead;
import io.claribi.uploads.api.UploadTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The one road to a vendor's tools (and resources, and an upload's read tools). A call is admitted
 * (plan, connection, allowlist, arguments), then sent with the credential lent for its length only,
 * then recorded. No transaction is held while the vendor works. What may be called is {@link
 * ToolListing}'s.
 */
@ApplicationScoped
public class ToolCalls {

  @Inject GatewayAdmission admission;
  @Inject ToolDiscovery discovery;
  @Inject VendorSessions vendors;
  @Inject ConnectionExchange exchanges;
  @Inject UsageJournal journal;
  @Inject TenantBinding tenancy;
  @Inject VerifiedCaller caller;
  @Inject RequestCorrelation correlation;
  @Inject Clock clock;
  @Inject UploadAdmission uploadAdmission;
  @Inject UploadReading uploadReading;
  @Inject CallSlots slots;
  @Inject ToolCallQuota quota;
  @Inject Entitlements entitlements;

  /**
   * One re-listing per connection at a time; the calls that need it meanwhile share its outcome.
   */
  private final SingleFlight<ConnectionId, DiscoveryOutcome> relisting = new SingleFlight<>();

  /** What a source answered: a vendor through a connection, or an upload (its id). */
  public record Called(String sourceId, String vendor, String what, VendorReply reply) {}

  /**
   * A tool call. When the vendor's tool list is older than the bound, it is listed again through
   * this call's connection and recorded before the allowlist decides, so a tool changed at the
   * vendor is refused in this very call; if the list cannot be had, the call fails with that
   * problem and nothing is sent (fail closed).
   */
  public Called call(CallTarget target, String tool, String argumentsJson) {
    try (CallTicket ticket = new CallTicket(slots.reservation())) {
      Decision<ToolPermit> decided = admission.admitTool(target, tool, argumentsJson, true, ticket);
      if (decided instanceof Decision.RelistFirst<ToolPermit> relist) {
        relisting.run(relist.through(), () -> discovery.discover(relist.through()));
        decided = admission.admitTool(target, tool, argumentsJson, false, ticket);
      }
      ToolPermit permit = decided.permitOrThrow();
      Plan plan = ticket.plan();
      return called(
          permit.connection(),
          permit.vendor().value(),
          permit.tool(),
          () ->
              exchanges.send(
                  permit.connection(),
                  credential -> {
                    // Counted inside the fence, just before it is sent, in transactions of the
                    // quota's own: a call that finds no fence connection, or its connection
                    // gone, is not counted (decision 38).
                    quota.admitToolCall(plan);
                    return vendors.callTool(permit, credential);
                  }));
    }
  }

  public Called listResources(CallTarget target, String cursor) {
    try (CallTicket ticket = new CallTicket(slots.reservation())) {
      ResourcePermit permit = admission.admitResources(target, null, ticket).permitOrThrow();
      return called(
          permit.connection(),
          permit.vendor().value(),
          "resources/list",
          () ->
              exchanges.send(
                  permit.connection(),
                  credential -> vendors.listResources(permit, cursor, credential)));
    }
  }

  public Called readResource(CallTarget target, String uri) {
    try (CallTicket ticket = new CallTicket(slots.reservation())) {
      ResourcePermit permit = admission.admitResources(target, uri, ticket).permitOrThrow();
      return called(
          permit.connection(),
          permit.vendor().value(),
          "resources/read " + uri,
          () ->
              exchanges.send(
                  permit.connection(), credential -> vendors.readResource(permit, credential)));
    }
  }

  /**
   * Calls one of the organization's uploaded files' tools: the same plan, quota, usage audit and
   * result shape as a vendor's tool, read by the locked-down engine instead of a vendor.
   */
  public Called callUpload(UploadId upload, String tool, String argumentsJson) {
    UploadRead permit = uploadAdmission.admit(upload, tool, argumentsJson).permitOrThrow();
    quota.admitToolCall(entitlements.currentPlan());
    return called(
        upload.toString(), UploadTarget.VENDOR, permit.tool(), () -> uploadReading.read(permit));
  }

  private Called called(ConnectionId connection, String vendor, String what, Exchange exchange) {
    return called(connection.toString(), vendor, what, exchange);
  }

  private Called called(String source, String vendor, String what, Exchange exchange) {
    Instant start = clock.instant();
    VendorReply reply;
    try {
      reply = exchange.run();
    } catch (QuotaExceededException refused) {
      throw refused; // refused before anything was sent: not a use
    } catch (ProblemException problem) {
      journal.record(used(source, vendor, what, problem.code(), start));
      throw problem;
    } catch (RuntimeException | Error failed) {
      journal.record(used(source, vendor, what, "FAILED", start));
      throw failed;
    }
    // the answer leaves only with its use recorded durably
    journal.recordBeforeAnswer(
        used(source, vendor, what, reply.toolError() ? "TOOL_ERROR" : "OK", start));
    return new Called(source, vendor, what, reply);
  }

  private DeferredAuditEvent used(
      String source, String vendor, String what, String outcome, Instant calledAt) {
    Duration took = Duration.between(calledAt, clock.instant());
    AuditEvent used = UsageRecording.event(source, vendor, what, outcome, took, calledAt);
    return new DeferredAuditEvent(
        tenancy.organization(),
        caller.actor(),
        correlation.requestId(),
        correlation.clientAddress().orElse(null),
        used);
  }

  @FunctionalInterface
  private interface Exchange {
    VendorReply run();
  }
}

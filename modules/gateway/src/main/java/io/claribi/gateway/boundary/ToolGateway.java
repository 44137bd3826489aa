package io.claribi.gateway.boundary;

import io.claribi.catalog.api.AllowedTool;
import io.claribi.catalog.api.Catalog;
import io.claribi.catalog.api.Vendor;
import io.claribi.catalog.api.VendorId;
import io.claribi.connections.api.ActiveConnections;
import io.claribi.connections.api.ConnectionExchange;
import io.claribi.connections.api.ConnectionSummary;
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
import io.claribi.tiering.api.Entitlement;
import io.claribi.tiering.api.Entitlements;
import io.claribi.tiering.api.Plan;
import io.claribi.tiering.api.PlanUpgradeRequiredException;
import io.claribi.uploads.api.UploadId;
import io.claribi.uploads.api.UploadRead;
import io.claribi.uploads.api.UploadSource;
import io.claribi.uploads.api.UploadSources;
import io.claribi.uploads.api.UploadTarget;
import io.claribi.uploads.api.UploadTools;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one road to a vendor's tools. A call is admitted (plan, connection, allowlist, arguments),
 * then sent with the credential lent for its length only, then recorded. No transaction is held
 * while the vendor works.
 */
@ApplicationScoped
public class ToolGateway {

  @Inject GatewayAdmission admission;
  @Inject ToolDiscovery discovery;
  @Inject VendorSessions vendors;
  @Inject ConnectionExchange exchanges;
  @Inject UsageRecording usage;
  @Inject UsageJournal journal;
  @Inject TenantBinding tenancy;
  @Inject VerifiedCaller caller;
  @Inject RequestCorrelation correlation;
  @Inject ActiveConnections connections;
  @Inject Catalog catalog;
  @Inject Entitlements entitlements;
  @Inject Clock clock;
  @Inject UploadAdmission uploadAdmission;
  @Inject UploadSources uploads;
  @Inject UploadReading uploadReading;

  /** A tool an integrator may call now, through one of its organization's connections. */
  public record CallableTool(
      String connectionId,
      String vendor,
      String name,
      String title,
      String description,
      String inputSchema) {

    /**
     * Whether this is a tool of an uploaded file ({@code connectionId} is then the upload's id).
     */
    public boolean upload() {
      return UploadTarget.VENDOR.equals(vendor);
    }
  }

  /** The allowed tools of every active connection whose kind the plan includes. */
  @Transactional
  public List<CallableTool> callableTools() {
    Plan plan = entitlements.currentPlan();
    if (!plan.includes(Entitlement.MCP_CATALOG) && !plan.includes(Entitlement.NATIVE_CONNECTORS)) {
      throw new PlanUpgradeRequiredException(Entitlement.MCP_CATALOG, plan);
    }
    List<CallableTool> tools = new ArrayList<>();
    if (plan.includes(Entitlement.FILE_UPLOADS)) {
      for (UploadSource upload : uploads.all()) {
        String id = upload.id().toString();
        tools.add(
            new CallableTool(
                id,
                UploadTarget.VENDOR,
                UploadTools.DESCRIBE,
                upload.name(),
                UploadTools.DESCRIBE_DESCRIPTION,
                UploadTools.describeInputSchema()));
        tools.add(
            new CallableTool(
                id,
                UploadTarget.VENDOR,
                UploadTools.QUERY,
                upload.name(),
                UploadTools.QUERY_DESCRIPTION,
                UploadTools.queryInputSchema()));
      }
    }
    for (ConnectionSummary connection : connections.active()) {
      Optional<Vendor> vendor = catalog.vendor(new VendorId(connection.vendor()));
      if (vendor.isEmpty() || !plan.includes(vendor.get().kind().entitlement())) {
        continue;
      }
      for (AllowedTool tool : catalog.allowedTools(vendor.get().id())) {
        tools.add(
            new CallableTool(
                connection.id().toString(),
                tool.vendor().value(),
                tool.name(),
                tool.title(),
                tool.description(),
                tool.inputSchema()));
      }
    }
    return tools;
  }

  /** What a vendor answered, and through which connection. */
  public record Called(String connectionId, String vendor, String what, VendorReply reply) {}

  /**
   * A tool call. When the vendor's tool list is older than the bound, it is listed again through
   * this call's connection and recorded before the allowlist decides, so a tool changed at the
   * vendor is refused in this very call; if the list cannot be had, the call fails with that
   * problem and nothing is sent (fail closed).
   */
  public Called call(CallTarget target, String tool, String argumentsJson) {
    Admission<ToolPermit> admitted = admission.admitTool(target, tool, argumentsJson, true);
    if (admitted.relistThrough().isPresent()) {
      discovery.discover(admitted.relistThrough().get());
      admitted = admission.admitTool(target, tool, argumentsJson, false);
    }
    ToolPermit permit = admitted.permitOrThrow();
    return called(
        permit.connection(),
        permit.vendor().value(),
        permit.tool(),
        () ->
            exchanges.send(
                permit.connection(), credential -> vendors.callTool(permit, credential)));
  }

  public Called listResources(CallTarget target, String cursor) {
    ResourcePermit permit = admission.admitResources(target, null).permitOrThrow();
    return called(
        permit.connection(),
        permit.vendor().value(),
        "resources/list",
        () ->
            exchanges.send(
                permit.connection(),
                credential -> vendors.listResources(permit, cursor, credential)));
  }

  public Called readResource(CallTarget target, String uri) {
    ResourcePermit permit = admission.admitResources(target, uri).permitOrThrow();
    return called(
        permit.connection(),
        permit.vendor().value(),
        "resources/read " + uri,
        () ->
            exchanges.send(
                permit.connection(), credential -> vendors.readResource(permit, credential)));
  }

  /**
   * Calls one of the organization's uploaded files' tools: the same plan, quota, usage audit and
   * result shape as a vendor's tool, read by the locked-down engine instead of a vendor.
   */
  public Called callUpload(UploadId upload, String tool, String argumentsJson) {
    UploadRead permit = uploadAdmission.admit(upload, tool, argumentsJson).permitOrThrow();
    return called(
        upload.toString(), UploadTarget.VENDOR, permit.tool(), () -> uploadReading.read(permit));
  }

  private Called called(ConnectionId connection, String vendor, String what, Exchange exchange) {
    return called(connection.toString(), vendor, what, exchange);
  }

  private Called called(String source, String vendor, String what, Exchange exchange) {
    Instant start = clock.instant();
    String outcome = "FAILED";
    try {
      VendorReply reply = exchange.run();
      outcome = reply.toolError() ? "TOOL_ERROR" : "OK";
      return new Called(source, vendor, what, reply);
    } catch (ProblemException problem) {
      outcome = problem.code();
      throw problem;
    } finally {
      record(source, vendor, what, outcome, Duration.between(start, clock.instant()));
    }
  }

  private void record(String source, String vendor, String what, String outcome, Duration took) {
    AuditEvent used = UsageRecording.event(source, vendor, what, outcome, took);
    journal.record(
        new DeferredAuditEvent(
            tenancy.organization(),
            caller.actor(),
            correlation.requestId(),
            correlation.clientAddress().orElse(null),
            used),
        () -> usage.record(used));
  }

  @FunctionalInterface
  private interface Exchange {
    VendorReply run();
  }
}

package io.claribi.connections.boundary;

import io.claribi.connections.api.ArgumentInvalidException;
import io.claribi.connections.api.ToolNotAllowedException;
import io.claribi.connections.control.Uploads;
import io.claribi.connections.control.uploads.UploadFormat;
import io.claribi.connections.control.uploads.UploadQuery;
import io.claribi.connections.control.uploads.UploadQueryArguments;
import io.claribi.connections.control.uploads.UploadTools;
import io.claribi.connections.entity.Upload;
import io.claribi.connections.entity.UploadId;
import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.ProblemException;
import io.claribi.tiering.api.Entitlement;
import io.claribi.tiering.api.Entitlements;
import io.claribi.tiering.api.ToolCallQuota;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Optional;

/**
 * Every check before an upload is read, in one short transaction and in this order: the plan, the
 * upload (the caller's), the tool (one of the two read tools), the arguments, and the month's
 * quota. The bytes are loaded in the same transaction, so a file deleted a moment ago is not read.
 */
@ApplicationScoped
public class UploadAdmission {

  @Inject Entitlements entitlements;
  @Inject ToolCallQuota toolCallQuota;
  @Inject Uploads uploads;
  @Inject Event<AuditEvent> audit;

  /** The capability to read one upload once, with its bytes. */
  public record UploadPermit(
      UploadId upload,
      String tool,
      Optional<UploadQuery> query,
      UploadFormat format,
      byte[] content) {}

  @Transactional
  public Admission<UploadPermit> admit(UploadId id, String tool, String argumentsJson) {
    entitlements.require(Entitlement.FILE_UPLOADS);
    Upload upload = uploads.find(id).orElseThrow(() -> ProblemException.notFound("Upload " + id));
    if (!UploadTools.DESCRIBE.equals(tool) && !UploadTools.QUERY.equals(tool)) {
      audit.fire(
          AuditEvent.forConnection(
              AuditEventType.TOOL_CALL_BLOCKED,
              id.toString(),
              UploadTarget.VENDOR,
              Map.of("tool", AuditText.visible(tool), "reason", "UNKNOWN_TOOL")));
      return Admission.refused(
          new ToolNotAllowedException(
              "'"
                  + AuditText.visible(tool)
                  + "': an upload offers only "
                  + UploadTools.DESCRIBE
                  + " and "
                  + UploadTools.QUERY
                  + "."));
    }
    Map<String, Object> arguments = GatewayJson.arguments(argumentsJson);
    Optional<UploadQuery> query;
    if (UploadTools.QUERY.equals(tool)) {
      query = Optional.of(UploadQueryArguments.parse(arguments));
    } else if (!arguments.isEmpty()) {
      return Admission.refused(
          new ArgumentInvalidException(UploadTools.DESCRIBE + " takes no arguments."));
    } else {
      query = Optional.empty();
    }
    toolCallQuota.admitToolCall();
    byte[] content =
        uploads.content(id).orElseThrow(() -> ProblemException.notFound("Upload " + id));
    return Admission.admitted(
        new UploadPermit(id, tool, query, UploadFormat.valueOf(upload.format()), content),
        UploadTarget.VENDOR);
  }
}

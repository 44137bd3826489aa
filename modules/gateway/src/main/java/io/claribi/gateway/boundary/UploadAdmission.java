package io.claribi.gateway.boundary;

import io.claribi.catalog.api.ToolDecision.RefusalReason;
import io.claribi.gateway.api.ArgumentInvalidException;
import io.claribi.gateway.api.ToolNotAllowedException;
import io.claribi.gateway.control.allowlist.Decision;
import io.claribi.gateway.control.allowlist.Refusal;
import io.claribi.platform.api.AuditText;
import io.claribi.platform.api.ProblemException;
import io.claribi.tiering.api.Entitlement;
import io.claribi.tiering.api.Entitlements;
import io.claribi.uploads.api.UploadId;
import io.claribi.uploads.api.UploadRead;
import io.claribi.uploads.api.UploadSources;
import io.claribi.uploads.api.UploadTarget;
import io.claribi.uploads.api.UploadTools;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * Every check before an upload is read, in one short transaction and in this order: the plan, the
 * upload (the caller's), the tool (one of the two read tools) and the arguments; the month's quota
 * counts the call afterwards, in transactions of its own (decision 38). The bytes are loaded in the
 * same transaction, so a file deleted a moment ago is not read.
 */
@ApplicationScoped
public class UploadAdmission {

  @Inject Entitlements entitlements;
  @Inject UploadSources uploads;
  @Inject BlockedCalls blocked;

  /** The capability to read one upload once, with its bytes: what the uploads context loaded. */
  @Transactional
  public Decision<UploadRead> admit(UploadId id, String tool, String argumentsJson) {
    entitlements.require(Entitlement.FILE_UPLOADS);
    uploads.find(id).orElseThrow(() -> ProblemException.notFound("Upload " + id));
    if (!UploadTools.DESCRIBE.equals(tool) && !UploadTools.QUERY.equals(tool)) {
      Refusal unknown =
          new Refusal(RefusalReason.UNKNOWN_TOOL.name(), "an upload offers only its read tools");
      blocked.record(id.toString(), UploadTarget.VENDOR, tool, unknown.reason());
      return new Decision.Refused<>(
          unknown,
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
    if (UploadTools.QUERY.equals(tool)) {
      uploads.checkQuery(arguments);
    } else if (!arguments.isEmpty()) {
      String detail = UploadTools.DESCRIBE + " takes no arguments.";
      return new Decision.Refused<>(
          new Refusal(Refusal.ARGUMENTS, detail), new ArgumentInvalidException(detail));
    }
    UploadRead read =
        uploads
            .load(id, tool, arguments)
            .orElseThrow(() -> ProblemException.notFound("Upload " + id));
    return new Decision.Permitted<>(read, UploadTarget.VENDOR);
  }
}

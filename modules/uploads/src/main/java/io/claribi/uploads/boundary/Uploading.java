package io.claribi.uploads.boundary;

import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.AuditText;
import io.claribi.platform.api.ProblemException;
import io.claribi.platform.api.Sha256;
import io.claribi.platform.api.VerifiedCaller;
import io.claribi.platform.api.console.Notice;
import io.claribi.tiering.api.Entitlement;
import io.claribi.tiering.api.Entitlements;
import io.claribi.tiering.api.Plan;
import io.claribi.uploads.api.UploadId;
import io.claribi.uploads.api.UploadRow;
import io.claribi.uploads.api.UploadTarget;
import io.claribi.uploads.api.UploadedFiles;
import io.claribi.uploads.control.UploadEngine;
import io.claribi.uploads.control.Uploads;
import io.claribi.uploads.control.duckdb.UploadSchema;
import io.claribi.uploads.entity.Upload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.Part;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Adding, listing and deleting the caller's organization's uploaded files. A file is checked and
 * described before any transaction opens (that reads the whole file); the upload, its bytes and the
 * audit event are then stored in one short transaction, and deleted in one.
 */
@ApplicationScoped
public class Uploading implements UploadedFiles {

  /** Looked up once: {@code Json.create…} searches the class path on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject Entitlements entitlements;
  @Inject Uploads uploads;
  @Inject UploadEngine engine;
  @Inject VerifiedCaller caller;
  @Inject Clock clock;
  @Inject Event<AuditEvent> audit;
  @Inject Uploading self;

  /** A file as it arrived: its (display) name, bytes and declared data domains. */
  public record Arrived(String name, byte[] content, List<String> dataDomains) {}

  /** The plan's upload allowance; 403 PLAN_UPGRADE_REQUIRED without file uploads. */
  @Transactional
  public Plan requireUploads() {
    entitlements.require(Entitlement.FILE_UPLOADS);
    return entitlements.currentPlan();
  }

  public UploadView add(Arrived file) {
    Plan plan = self.requireUploads();
    if (file.content().length > plan.uploads().maxFileBytes()) {
      throw tooLarge(plan);
    }
    UploadSchema schema = engine.describe(file.content());
    var described =
        new Upload.Described(
            file.name(),
            schema.format().name(),
            file.content().length,
            Sha256.hex(file.content()),
            file.dataDomains(),
            columnsJson(schema),
            schema.columns().size(),
            schema.rowCount());
    return self.store(described, file.content());
  }

  @Transactional
  public UploadView store(Upload.Described described, byte[] content) {
    Plan plan = entitlements.currentPlan(); // again: the plan may have changed meanwhile
    if (uploads.count() >= plan.uploads().maxFiles()) {
      throw new ProblemException(
          409,
          "UPLOAD_LIMIT_REACHED",
          "Upload limit reached",
          "The "
              + plan
              + " plan keeps at most "
              + plan.uploads().maxFiles()
              + " uploaded files; delete one first.");
    }
    if (content.length > plan.uploads().maxFileBytes()) {
      throw tooLarge(plan);
    }
    Upload upload = new Upload(UploadId.random(), described, caller.actor(), clock.instant());
    uploads.add(upload, content);
    audit.fire(
        AuditEvent.forConnection(
            AuditEventType.UPLOAD_ADDED,
            upload.id().toString(),
            UploadTarget.VENDOR,
            Map.of(
                "name", AuditText.visible(upload.name()),
                "format", upload.format(),
                "sizeBytes", Long.toString(upload.sizeBytes()),
                "sha256", upload.sha256(),
                "domains", String.join(" ", upload.dataDomains()))));
    return UploadView.withColumns(upload);
  }

  @Transactional
  public List<UploadView> all() {
    return uploads.all().stream().map(UploadView::summary).toList();
  }

  @Transactional
  public UploadView one(UploadId id) {
    return uploads
        .find(id)
        .map(UploadView::withColumns)
        .orElseThrow(() -> ProblemException.notFound("Upload " + id));
  }

  @Override
  @Transactional
  public List<UploadRow> rows() {
    return all().stream()
        .map(
            v ->
                new UploadRow(
                    v.id(),
                    v.name(),
                    v.format(),
                    v.sizeBytes(),
                    v.rowCount(),
                    v.dataDomains(),
                    v.uploadedAt()))
        .toList();
  }

  @Override
  public Notice add(Part file, String domains) {
    return UploadForm.add(this, file, domains);
  }

  /** The upload and its stored bytes go in one transaction, audited in it. */
  @Override
  @Transactional
  public void delete(UploadId id) {
    Upload upload = uploads.find(id).orElseThrow(() -> ProblemException.notFound("Upload " + id));
    String name = upload.name();
    String sha256 = upload.sha256();
    uploads.delete(id);
    audit.fire(
        AuditEvent.forConnection(
            AuditEventType.UPLOAD_DELETED,
            id.toString(),
            UploadTarget.VENDOR,
            Map.of("name", AuditText.visible(name), "sha256", sha256)));
  }

  static ProblemException tooLarge(Plan plan) {
    return new ProblemException(
        413,
        "UPLOAD_TOO_LARGE",
        "Upload too large",
        "The "
            + plan
            + " plan accepts files of at most "
            + plan.uploads().maxFileBytes()
            + " bytes.");
  }

  private static String columnsJson(UploadSchema schema) {
    var columns = JSON.createArrayBuilder();
    schema
        .columns()
        .forEach(
            c ->
                columns.add(
                    JSON.createObjectBuilder().add("name", c.name()).add("type", c.type())));
    return columns.build().toString();
  }
}

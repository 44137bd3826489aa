package io.claribi.uploads.boundary;

import io.claribi.uploads.api.UploadId;
import io.claribi.uploads.api.UploadRead;
import io.claribi.uploads.api.UploadSource;
import io.claribi.uploads.api.UploadSources;
import io.claribi.uploads.api.UploadTools;
import io.claribi.uploads.control.UploadEngine;
import io.claribi.uploads.control.Uploads;
import io.claribi.uploads.control.duckdb.UploadFormat;
import io.claribi.uploads.control.duckdb.UploadQueryArguments;
import io.claribi.uploads.entity.Upload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Uploads as the gateway sees them: in the caller's transaction, except {@link #answer}. */
@ApplicationScoped
public class UploadSourcesFacade implements UploadSources {

  @Inject Uploads uploads;
  @Inject UploadEngine engine;

  @Override
  public List<UploadSource> all() {
    return uploads.all().stream().map(UploadSourcesFacade::source).toList();
  }

  @Override
  public Optional<UploadSource> find(UploadId id) {
    return uploads.find(id).map(UploadSourcesFacade::source);
  }

  @Override
  public void checkQuery(Map<String, Object> arguments) {
    UploadQueryArguments.parse(arguments);
  }

  @Override
  public Optional<UploadRead> load(UploadId id, String tool, Map<String, Object> arguments) {
    return uploads
        .find(id)
        .flatMap(
            upload ->
                uploads
                    .content(id)
                    .map(bytes -> new UploadRead(id, tool, arguments, upload.format(), bytes)));
  }

  @Override
  public Map<String, Object> answer(UploadRead read) {
    UploadFormat format = UploadFormat.valueOf(read.format());
    return UploadTools.QUERY.equals(read.tool())
        ? engine.query(read.content(), format, UploadQueryArguments.parse(read.arguments())).asMap()
        : engine.describe(read.content(), format).asMap();
  }

  private static UploadSource source(Upload upload) {
    return new UploadSource(upload.id(), upload.name(), upload.dataDomains(), upload.uploadedAt());
  }
}

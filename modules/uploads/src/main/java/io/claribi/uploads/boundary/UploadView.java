package io.claribi.uploads.boundary;

import io.claribi.uploads.entity.Upload;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

/** An uploaded file as the API shows it, never its bytes. {@code columns} is left out of lists. */
public record UploadView(
    String id,
    String name,
    String format,
    long sizeBytes,
    String sha256,
    List<String> dataDomains,
    int columnCount,
    long rowCount,
    String uploadedBy,
    Instant uploadedAt,
    List<Column> columns) {

  /** Looked up once: {@code Json.create…} searches the class path on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  /** A column as {@code describe_upload} lists it. */
  public record Column(String name, String type) {}

  static UploadView summary(Upload upload) {
    return of(upload, null);
  }

  static UploadView withColumns(Upload upload) {
    try (var reader = JSON.createReader(new StringReader(upload.columnsJson()))) {
      List<Column> columns =
          reader.readArray().getValuesAs(JsonObject.class).stream()
              .map(c -> new Column(c.getString("name"), c.getString("type")))
              .toList();
      return of(upload, columns);
    }
  }

  private static UploadView of(Upload upload, List<Column> columns) {
    return new UploadView(
        upload.id().toString(),
        upload.name(),
        upload.format(),
        upload.sizeBytes(),
        upload.sha256(),
        upload.dataDomains(),
        upload.columnCount(),
        upload.rowCount(),
        upload.uploadedBy(),
        upload.uploadedAt(),
        columns);
  }
}

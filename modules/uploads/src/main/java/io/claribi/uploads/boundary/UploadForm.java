package io.claribi.uploads.boundary;

import io.claribi.platform.api.ProblemException;
import io.claribi.platform.api.console.Notice;
import io.claribi.tiering.api.Plan;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The Data sources page's "Add an upload" form, handed to {@link Uploading#add}, the facade of
 * {@code POST /api/v1/uploads}, with the file name and data domains read as that resource reads
 * them: every rule (plan, size, format, count, audit) is the facade's. A refusal becomes an alert
 * naming the problem's code; the facade stores nothing when it refuses.
 */
final class UploadForm {

  private UploadForm() {}

  static Notice add(Uploading uploading, Part file, String domains) {
    Notice notice = new Notice();
    String name = file == null ? "" : UploadsResource.displayName(nameOf(file));
    try {
      Plan plan = uploading.requireUploads();
      if (file == null || nameOf(file).isBlank()) {
        throw ProblemException.badRequest("UPLOAD_FILE_MISSING", "Choose a file to upload.");
      }
      UploadView added =
          uploading.add(
              new Uploading.Arrived(
                  name,
                  read(file, plan.uploads().maxFileBytes()),
                  UploadsResource.domains(domains)));
      notice.status(
          "Added " + added.name() + ": " + added.rowCount() + " rows, " + added.format() + ".");
    } catch (ProblemException refused) {
      notice.alert(
          (name.isEmpty() ? "Could not add the upload" : "Could not add " + name)
              + ": "
              + withoutFullStop(refused.detail())
              + " ("
              + refused.code()
              + "). Nothing was stored.");
    }
    return notice;
  }

  private static String withoutFullStop(String detail) {
    return detail.endsWith(".") ? detail.substring(0, detail.length() - 1) : detail;
  }

  private static String nameOf(Part file) {
    String submitted = file.getSubmittedFileName();
    return submitted == null ? "" : submitted;
  }

  /** At most one byte past the plan's limit, so that the facade refuses an oversized file. */
  private static byte[] read(Part file, long limit) {
    try (InputStream in = file.getInputStream()) {
      return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the uploaded file", e);
    }
  }
}

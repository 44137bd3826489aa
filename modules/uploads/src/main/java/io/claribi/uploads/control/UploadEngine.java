package io.claribi.uploads.control;

import io.claribi.uploads.control.duckdb.UploadFormat;
import io.claribi.uploads.control.duckdb.UploadQuery;
import io.claribi.uploads.control.duckdb.UploadReads;
import io.claribi.uploads.control.duckdb.UploadResult;
import io.claribi.uploads.control.duckdb.UploadSchema;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the upload tools over a file's stored bytes. The bytes are written to a temporary file that
 * only this server's user can read, the locked-down DuckDB reads exactly that file, and the file is
 * deleted when the read returns, whatever happened.
 */
@ApplicationScoped
public class UploadEngine {

  private static final Logger LOG = Logger.getLogger(UploadEngine.class.getName());

  private final UploadReads reads = new UploadReads();

  /** What a file is (sniffed from its bytes) and what it holds. */
  public UploadSchema describe(byte[] content) {
    UploadFormat format = UploadFormat.sniff(content);
    return withFile(content, file -> reads.describe(file, format));
  }

  public UploadSchema describe(byte[] content, UploadFormat format) {
    return withFile(content, file -> reads.describe(file, format));
  }

  public UploadResult query(byte[] content, UploadFormat format, UploadQuery query) {
    return withFile(content, file -> reads.query(file, format, query));
  }

  private static <T> T withFile(byte[] content, Function<Path, T> read) {
    Path file = null;
    try {
      file = Files.createTempFile("claribi-upload-", ".data", ownerOnly());
      Files.write(file, content);
      return read.apply(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage an upload for reading", e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          LOG.log(Level.WARNING, "Could not delete the staged upload " + file, e);
        }
      }
    }
  }

  private static FileAttribute<?>[] ownerOnly() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
        }
        : new FileAttribute<?>[0];
  }
}

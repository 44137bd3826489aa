package io.claribi.uploads.api;

import io.claribi.platform.api.ProblemException;
import java.util.Objects;
import java.util.UUID;

/** An uploaded file's id: a random UUID, never derived from its name or content. */
public record UploadId(UUID value) {

  public UploadId {
    Objects.requireNonNull(value, "value");
  }

  public static UploadId random() {
    return new UploadId(UUID.randomUUID());
  }

  /** An id from a request; a malformed one is simply not found. */
  public static UploadId parse(String text) {
    try {
      UUID uuid = UUID.fromString(text);
      if (!uuid.toString().equals(text)) {
        throw new IllegalArgumentException("not canonical");
      }
      return new UploadId(uuid);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ProblemException.notFound("Upload " + text);
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}

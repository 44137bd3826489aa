package io.claribi.tiering.api;

/**
 * A plan's file uploads: the largest file accepted, and how many files an organization may keep at
 * once (mirrored in {@code docs/plans.md}).
 */
public record UploadAllowance(long maxFileBytes, int maxFiles) {

  static UploadAllowance mebibytes(long maxFileMebibytes, int maxFiles) {
    return new UploadAllowance(maxFileMebibytes * 1024 * 1024, maxFiles);
  }

  public UploadAllowance {
    if (maxFileBytes < 1 || maxFiles < 1) {
      throw new IllegalArgumentException("an allowance allows at least one byte and one file");
    }
  }
}

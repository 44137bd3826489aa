package io.claribi.uploads.api;

/** How uploads appear where a vendor would: in audit events, tool lists and routing answers. */
public final class UploadTarget {

  /** The vendor name of every upload; the catalog reserves it (no vendor may have this id). */
  public static final String VENDOR = "upload";

  private UploadTarget() {}
}

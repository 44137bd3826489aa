package io.claribi.catalog.entity;

/** What happened to a vendor row. */
public enum VendorChangeKind {
  /** An operator added it. */
  CREATED,
  /** An operator edited it. */
  EDITED,
  /** An operator retired it; its connections were disconnected in the same transaction. */
  RETIRED,
  /** The shipped catalog file added or updated it. */
  FILE_LOADED,
  /** A newer catalog file was not applied because an operator had changed the vendor. */
  FILE_SKIPPED
}

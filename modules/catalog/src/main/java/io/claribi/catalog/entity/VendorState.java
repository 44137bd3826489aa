package io.claribi.catalog.entity;

/** Whether connections to a vendor may exist. A retired vendor stays in the catalog for history. */
public enum VendorState {
  ACTIVE,
  RETIRED
}

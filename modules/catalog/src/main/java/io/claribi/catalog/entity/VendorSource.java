package io.claribi.catalog.entity;

/**
 * Who last wrote a vendor row or a tool decision: the catalog file shipped in the jar, or a
 * platform operator. A newer catalog file never overwrites what an operator wrote.
 */
public enum VendorSource {
  CATALOG_FILE,
  OPERATOR
}

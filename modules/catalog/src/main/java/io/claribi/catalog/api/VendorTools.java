package io.claribi.catalog.api;

import java.util.List;

/**
 * Every tool the catalog knows for a vendor, each with the allowlist decision the gateway would get
 * for it now: for showing an organization's admins what a connection can and cannot call. Read from
 * the database at the time of the question, like {@link Catalog}.
 */
public interface VendorTools {

  /** The tools of an active vendor by name; none for a vendor unknown to the catalog or retired. */
  List<KnownTool> known(VendorId vendor);
}

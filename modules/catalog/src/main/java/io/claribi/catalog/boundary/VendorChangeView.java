package io.claribi.catalog.boundary;

import io.claribi.catalog.entity.VendorChange;
import io.claribi.catalog.entity.VendorChangeKind;
import jakarta.json.JsonValue;
import java.time.Instant;

/** One entry of a vendor's change history, with what the vendor looked like after it. */
public record VendorChangeView(
    VendorChangeKind change, String changedBy, Instant changedAt, String reason, JsonValue vendor) {

  static VendorChangeView of(VendorChange change) {
    return new VendorChangeView(
        change.kind(),
        change.changedBy(),
        change.changedAt(),
        change.reason(),
        ToolView.parsed(change.snapshot()));
  }
}

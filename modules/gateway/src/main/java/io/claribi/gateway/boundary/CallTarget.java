package io.claribi.gateway.boundary;

import io.claribi.catalog.api.VendorId;
import io.claribi.platform.api.ConnectionId;
import java.util.Optional;

/** Which connection a call goes through: named by id, or the organization's one at a vendor. */
public record CallTarget(Optional<ConnectionId> connection, Optional<VendorId> vendor) {

  public static CallTarget connection(ConnectionId id) {
    return new CallTarget(Optional.of(id), Optional.empty());
  }

  public static CallTarget vendor(VendorId vendor) {
    return new CallTarget(Optional.empty(), Optional.of(vendor));
  }
}

package io.claribi.connections.api;

import io.claribi.platform.api.ConnectionId;
import java.time.Instant;
import java.util.Objects;

/**
 * One of the bound organization's connections as the gateway may know it: which vendor, and whether
 * a call may go through it now. Never a credential.
 *
 * @param activatedAt when the vendor's consent completed; null while it has not
 */
public record ConnectionSummary(
    ConnectionId id, String vendor, ConnectionState state, Instant activatedAt) {

  public ConnectionSummary {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(state, "state");
  }

  public boolean isActive() {
    return state == ConnectionState.ACTIVE;
  }
}

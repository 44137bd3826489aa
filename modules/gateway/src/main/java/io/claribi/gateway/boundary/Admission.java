package io.claribi.gateway.boundary;

import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.ProblemException;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link GatewayAdmission} decided inside its transaction: a permit, the problem to answer
 * once that transaction (and the audit of the refusal) has committed, or that the vendor's tool
 * list is too old to decide on and must be listed again through this connection first.
 */
record Admission<P>(P permit, String vendor, ProblemException refusal, ConnectionId relist) {

  static <P> Admission<P> admitted(P permit, String vendor) {
    return new Admission<>(Objects.requireNonNull(permit), vendor, null, null);
  }

  static <P> Admission<P> refused(ProblemException refusal) {
    return new Admission<>(null, null, Objects.requireNonNull(refusal), null);
  }

  static <P> Admission<P> relistFirst(ConnectionId through) {
    return new Admission<>(null, null, null, Objects.requireNonNull(through));
  }

  /** The connection to re-list the vendor's tools through before deciding; empty if decided. */
  Optional<ConnectionId> relistThrough() {
    return Optional.ofNullable(relist);
  }

  P permitOrThrow() {
    if (refusal != null) {
      throw refusal;
    }
    if (permit == null) {
      throw new IllegalStateException("the tool list must be verified before deciding");
    }
    return permit;
  }
}

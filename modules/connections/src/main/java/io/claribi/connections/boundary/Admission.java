package io.claribi.connections.boundary;

import io.claribi.platform.api.ProblemException;
import java.util.Objects;

/**
 * What {@link GatewayAdmission} decided inside its transaction: a permit, or the problem to answer
 * once that transaction (and the audit of the refusal) has committed.
 */
record Admission<P>(P permit, String vendor, ProblemException refusal) {

  static <P> Admission<P> admitted(P permit, String vendor) {
    return new Admission<>(Objects.requireNonNull(permit), vendor, null);
  }

  static <P> Admission<P> refused(ProblemException refusal) {
    return new Admission<>(null, null, Objects.requireNonNull(refusal));
  }

  P permitOrThrow() {
    if (refusal != null) {
      throw refusal;
    }
    return permit;
  }
}

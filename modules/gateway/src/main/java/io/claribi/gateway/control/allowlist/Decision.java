package io.claribi.gateway.control.allowlist;

import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.ProblemException;
import java.util.Objects;

/**
 * What admission came to, for a vendor's tool, its resources or an upload's read tool: a permit, a
 * refusal (with the problem to answer once the admission's transaction, which records it, has
 * committed), or that the vendor's tool list is too old to decide on and must be listed again
 * through this connection first.
 *
 * @param <P> the permit: the capability to send exactly what was decided
 */
public sealed interface Decision<P> {

  /** Allowed: the permit, and the vendor it was decided for. */
  record Permitted<P>(P permit, String vendor) implements Decision<P> {
    public Permitted {
      Objects.requireNonNull(permit, "permit");
    }
  }

  /** Refused: why (the audit's reason) and what the caller is answered. */
  record Refused<P>(Refusal refusal, ProblemException problem) implements Decision<P> {
    public Refused {
      Objects.requireNonNull(refusal, "refusal");
      Objects.requireNonNull(problem, "problem");
    }
  }

  /** Not decided: list the vendor's tools again through this connection, then ask again. */
  record RelistFirst<P>(ConnectionId through) implements Decision<P> {
    public RelistFirst {
      Objects.requireNonNull(through, "through");
    }
  }

  /**
   * @throws ProblemException the refusal's problem
   * @throws IllegalStateException if the tool list had to be verified first
   */
  default P permitOrThrow() {
    if (this instanceof Permitted<P> permitted) {
      return permitted.permit();
    }
    if (this instanceof Refused<P> refused) {
      throw refused.problem();
    }
    throw new IllegalStateException("the tool list must be verified before deciding");
  }
}

package io.claribi.gateway.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How old a vendor's verified tool list may be before it is listed again: the bound on how long a
 * call can reach a tool whose definition at the vendor changed after approval, without anyone
 * telling clariBI. A call past the bound re-lists first; the background refresher re-lists once
 * three quarters of it have passed, so that calls rarely pay for it.
 */
public record ToolListFreshness(Duration maxAge) {

  private static final Duration MIN_TICK = Duration.ofSeconds(1);

  public ToolListFreshness {
    Objects.requireNonNull(maxAge, "maxAge");
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("the tool list's maximum age must be positive");
    }
  }

  /**
   * Whether a call must re-list before relying on a list verified at {@code verifiedAt}: never
   * verified, as old as the bound or older, or dated further ahead than the bound (a clock that
   * cannot be trusted).
   */
  public boolean mustRelist(Optional<Instant> verifiedAt, Instant now) {
    if (verifiedAt.isEmpty()) {
      return true;
    }
    Instant at = verifiedAt.get();
    return !now.isBefore(at.plus(maxAge)) || at.isAfter(now.plus(maxAge));
  }

  /** Lists verified before this instant are due for a background re-list. */
  public Instant refreshDueBefore(Instant now) {
    return now.minus(maxAge.multipliedBy(3).dividedBy(4));
  }

  /**
   * How often the background refresher looks for due lists: a quarter of the bound, at least 1 s.
   */
  public Duration refreshEvery() {
    Duration quarter = maxAge.dividedBy(4);
    return quarter.compareTo(MIN_TICK) < 0 ? MIN_TICK : quarter;
  }
}

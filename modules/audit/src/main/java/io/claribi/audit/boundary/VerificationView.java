package io.claribi.audit.boundary;

import io.claribi.audit.control.ChainVerifier;

/**
 * The answer of {@code GET /audit/verify}: whether the chain is intact and, if not, its first
 * broken link. {@code eventsVerified} counts the events checked before the first break.
 */
public record VerificationView(
    boolean intact,
    String organization,
    String verifiedAt,
    long eventsVerified,
    long firstSequence,
    long lastVerifiedSequence,
    String lastVerifiedHash,
    long chainHeadSequence,
    String chainHeadHash,
    BrokenLink firstBrokenLink) {

  /** Where the chain breaks and why. {@code eventId} is absent for a missing event. */
  public record BrokenLink(long sequence, String eventId, String problem, String detail) {

    static BrokenLink of(ChainVerifier.Break broken) {
      return new BrokenLink(
          broken.sequence(), broken.eventId(), broken.problem().name(), broken.detail());
    }
  }
}

package io.claribi.audit.control;

import io.claribi.audit.entity.RecordedEvent;
import io.claribi.platform.api.OrganizationId;
import java.util.Optional;

/**
 * Walks one organization's chain in sequence order and stops at the first broken link: an event
 * whose content no longer matches its hash, a missing sequence number, or an event that does not
 * follow the hash of the one before it.
 */
public final class ChainVerifier {

  /** Why a link is broken. */
  public enum Problem {
    /** The stored fields no longer hash to the stored hash: the event was changed. */
    CONTENT_CHANGED,
    /** A sequence number is missing: an event was removed (or the chain's tail was cut). */
    EVENT_MISSING,
    /** The event does not name the previous event's hash: events were moved or inserted. */
    LINK_BROKEN
  }

  /** The first broken link: where it is and what is wrong. */
  public record Break(long sequence, String eventId, Problem problem, String detail) {}

  private final OrganizationId organization;
  private long expectedSequence;
  private String expectedPrevious;
  private long checked;
  private Break broken;

  public ChainVerifier(OrganizationId organization, Anchor anchor) {
    this.organization = organization;
    this.expectedSequence = anchor.sequence() + 1;
    this.expectedPrevious = anchor.hash();
  }

  /** Checks the next stored event; false once the chain is broken (later events are moot). */
  public boolean accept(RecordedEvent event) {
    if (broken != null) {
      return false;
    }
    String recomputed = EventHash.of(organization, event.content(), event.previousHash());
    if (event.sequence() > expectedSequence) {
      broken =
          new Break(
              expectedSequence,
              null,
              Problem.EVENT_MISSING,
              "event " + expectedSequence + " is missing; the next stored is " + event.sequence());
    } else if (event.sequence() < expectedSequence) {
      broken =
          new Break(
              event.sequence(),
              event.content().id(),
              Problem.LINK_BROKEN,
              "event " + event.sequence() + " precedes the start of the verified chain");
    } else if (!recomputed.equals(event.hash())) {
      broken =
          new Break(
              event.sequence(),
              event.content().id(),
              Problem.CONTENT_CHANGED,
              "event " + event.sequence() + " does not match its hash");
    } else if (!event.previousHash().equals(expectedPrevious)) {
      broken =
          new Break(
              event.sequence(),
              event.content().id(),
              Problem.LINK_BROKEN,
              "event " + event.sequence() + " does not follow the hash of the event before it");
    } else {
      checked++;
      expectedSequence = event.sequence() + 1;
      expectedPrevious = event.hash();
    }
    return broken == null;
  }

  /**
   * Ends the walk against the chain head: the newest stored event must be the head, or the tail was
   * removed.
   */
  public Optional<Break> finish(long headSequence, String headHash) {
    if (broken == null && expectedSequence <= headSequence) {
      broken =
          new Break(
              expectedSequence,
              null,
              Problem.EVENT_MISSING,
              "events " + expectedSequence + " to " + headSequence + " are missing");
    } else if (broken == null && !expectedPrevious.equals(headHash)) {
      broken =
          new Break(
              headSequence,
              null,
              Problem.LINK_BROKEN,
              "the newest event does not match the recorded chain head");
    }
    return Optional.ofNullable(broken);
  }

  public long checked() {
    return checked;
  }

  public long lastSequence() {
    return expectedSequence - 1;
  }

  public String lastHash() {
    return expectedPrevious;
  }
}

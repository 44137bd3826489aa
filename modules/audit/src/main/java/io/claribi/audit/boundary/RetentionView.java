package io.claribi.audit.boundary;

/** What one retention run removed, and the anchor from which the rest of the chain verifies. */
public record RetentionView(
    String organization,
    String retention,
    String cutoff,
    long removed,
    long prunedThroughSequence,
    String prunedThroughHash) {}

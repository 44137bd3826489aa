package io.claribi.audit.control;

import io.claribi.audit.entity.ChainHead;

/**
 * Where the stored part of a chain starts: the sequence and hash of the link before the oldest
 * stored event. {@link #START} until the retention job has removed events.
 */
public record Anchor(long sequence, String hash) {

  public static final Anchor START = new Anchor(0, ChainHead.GENESIS);
}

package io.claribi.tiering.api;

/** The calling organization's monthly tool-call quota, for the contexts that make tool calls. */
public interface ToolCallQuota {

  /**
   * Counts one tool call against the calling organization's monthly quota, in the caller's
   * transaction: if that transaction rolls back, the call was not counted. Concurrent calls, on any
   * node, are counted one at a time, so a quota of N admits exactly N.
   *
   * @throws QuotaExceededException {@code 429 QUOTA_EXCEEDED} once the month's quota is used
   */
  void admitToolCall();
}

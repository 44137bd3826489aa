package io.claribi.tiering.api;

/** The calling organization's monthly tool-call quota, for the contexts that make tool calls. */
public interface ToolCallQuota {

  /**
   * Counts one tool call against the calling organization's monthly quota of {@code plan} (the plan
   * the call was admitted on), in short transactions of its own: call it with no transaction
   * active, once every check has passed and just before the call is sent. Concurrent calls, on any
   * node, are counted exactly, so N calls left admit exactly N; no lock outlives the statement and
   * commit that count the call (decision 38).
   *
   * @throws QuotaExceededException {@code 429 QUOTA_EXCEEDED} once the month's quota is used
   */
  void admitToolCall(Plan plan);
}

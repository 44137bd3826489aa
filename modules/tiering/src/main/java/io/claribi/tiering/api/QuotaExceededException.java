package io.claribi.tiering.api;

import io.claribi.platform.api.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/** The organization has used its monthly tool calls: 429 until the quota resets. */
public class QuotaExceededException extends ProblemException {

  private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  public QuotaExceededException(ToolCallUsage usage, Plan plan, Instant now) {
    super(
        429,
        "QUOTA_EXCEEDED",
        "Quota exceeded",
        "The organization has used all "
            + usage.limit()
            + " tool calls of the "
            + plan
            + " plan for "
            + usage.period()
            + "; the quota resets at "
            + usage.resetsAt()
            + ". Nothing was sent to the vendor.");
    this.retryAfterSeconds = Math.max(1, Duration.between(now, usage.resetsAt()).toSeconds());
  }

  @Override
  public OptionalLong retryAfterSeconds() {
    return OptionalLong.of(retryAfterSeconds);
  }
}

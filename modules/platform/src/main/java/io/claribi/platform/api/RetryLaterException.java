package io.claribi.platform.api;

import java.util.OptionalLong;

/**
 * A refusal that says when to come back: sent with {@code Retry-After}. For a node that is busy
 * (429 or 503), not for a request that is wrong.
 */
public class RetryLaterException extends ProblemException {

  private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  public RetryLaterException(
      int status, String code, String title, String detail, long retryAfterSeconds) {
    super(status, code, title, detail);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  @Override
  public OptionalLong retryAfterSeconds() {
    return OptionalLong.of(retryAfterSeconds);
  }
}

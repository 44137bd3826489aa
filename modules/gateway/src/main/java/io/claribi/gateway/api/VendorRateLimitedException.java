package io.claribi.gateway.api;

import io.claribi.platform.api.ProblemException;
import java.util.OptionalLong;

/**
 * 429 {@code VENDOR_RATE_LIMITED} with {@code Retry-After}: the vendor throttled this connection;
 * the wait is the vendor's own when it named one.
 */
public class VendorRateLimitedException extends ProblemException {

  private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  public VendorRateLimitedException(String detail, long retryAfterSeconds) {
    super(429, "VENDOR_RATE_LIMITED", "Vendor rate limit", detail);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  @Override
  public OptionalLong retryAfterSeconds() {
    return OptionalLong.of(retryAfterSeconds);
  }
}

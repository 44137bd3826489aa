package io.claribi.gateway.api;

import io.claribi.platform.api.ProblemException;
import java.util.OptionalLong;

/** 503 {@code VENDOR_UNAVAILABLE} with {@code Retry-After}: unreachable or too slow. */
public class VendorUnavailableException extends ProblemException {

  private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  public VendorUnavailableException(String detail, long retryAfterSeconds) {
    super(503, "VENDOR_UNAVAILABLE", "Vendor unavailable", detail);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  @Override
  public OptionalLong retryAfterSeconds() {
    return OptionalLong.of(retryAfterSeconds);
  }
}

package io.claribi.platform.api;

import java.util.Objects;

/**
 * A failure that a client can act on. It becomes an RFC 9457 problem detail whose {@code code}
 * integrators switch on, so codes are stable and documented in {@code docs/api.md}.
 */
public class ProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final String title;

  public ProblemException(int status, String code, String title, String detail) {
    super(detail);
    this.status = status;
    this.code = Objects.requireNonNull(code, "code");
    this.title = Objects.requireNonNull(title, "title");
  }

  /** The same answer for "does not exist" and "belongs to another organization". */
  public static ProblemException notFound(String what) {
    return new ProblemException(404, "NOT_FOUND", "Not found", what + " was not found.");
  }

  public static ProblemException badRequest(String code, String detail) {
    return new ProblemException(400, code, "Bad request", detail);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  /**
   * Seconds after which a retry may succeed, sent as {@code Retry-After}; empty for failures that a
   * retry does not cure.
   */
  public java.util.OptionalLong retryAfterSeconds() {
    return java.util.OptionalLong.empty();
  }

  /** The lowest plan that includes a feature the caller's plan lacks (problem member). */
  public java.util.Optional<String> requiredPlan() {
    return java.util.Optional.empty();
  }
}

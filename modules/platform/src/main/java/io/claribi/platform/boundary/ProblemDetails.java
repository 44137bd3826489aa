package io.claribi.platform.boundary;

import java.util.List;

/**
 * An RFC 9457 problem detail with the extension members of our contract: a stable {@code code}, the
 * {@code incident} id of an unexpected failure, the field {@code errors} of a rejected request
 * body, and the {@code requiredPlan} that would allow a feature the caller's plan does not include.
 * Absent members are left out of the JSON.
 */
public record ProblemDetails(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String code,
    String incident,
    List<FieldError> errors,
    String requiredPlan) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public static ProblemDetails of(
      int status, String code, String title, String detail, String instance) {
    return new ProblemDetails(
        typeOf(code), title, status, detail, instance, code, null, null, null);
  }

  public ProblemDetails withIncident(String incidentId) {
    return new ProblemDetails(
        type, title, status, detail, instance, code, incidentId, errors, requiredPlan);
  }

  public ProblemDetails withErrors(List<FieldError> fieldErrors) {
    return new ProblemDetails(
        type, title, status, detail, instance, code, incident, fieldErrors, requiredPlan);
  }

  public ProblemDetails withRequiredPlan(String plan) {
    return new ProblemDetails(type, title, status, detail, instance, code, incident, errors, plan);
  }

  static String typeOf(String code) {
    return "urn:claribi:problem:" + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** One invalid field of a request: where it is and what is wrong with it. */
  public record FieldError(String field, String message) {}
}

package io.claribi.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.platform.api.NoOrganizationBoundException;
import io.claribi.platform.api.ProblemException;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;

/** Every failure becomes a problem detail with a stable code and nothing internal in it. */
class ProblemMappingTest {

  @Test
  void a_product_problem_keeps_its_status_code_and_detail() {
    ProblemDetails problem =
        new ProblemExceptionMapper().problem(ProblemException.notFound("Plan change 42"));

    assertThat(problem.status()).isEqualTo(404);
    assertThat(problem.code()).isEqualTo("NOT_FOUND");
    assertThat(problem.type()).isEqualTo("urn:claribi:problem:not-found");
    assertThat(problem.detail()).isEqualTo("Plan change 42 was not found.");
  }

  @Test
  void a_missing_organization_is_401_organization_required() {
    ProblemDetails problem =
        new ProblemExceptionMapper().problem(new NoOrganizationBoundException("none"));

    assertThat(problem.status()).isEqualTo(401);
    assertThat(problem.code()).isEqualTo("ORGANIZATION_REQUIRED");
  }

  @Test
  void runtime_statuses_get_codes_derived_from_the_status() {
    WebApplicationExceptionMapper cut = new WebApplicationExceptionMapper();

    assertThat(cut.problem(401).code()).isEqualTo("AUTHENTICATION_REQUIRED");
    assertThat(cut.problem(403).code()).isEqualTo("FORBIDDEN");
    assertThat(cut.problem(405).code()).isEqualTo("METHOD_NOT_ALLOWED");
    assertThat(cut.problem(415).code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    assertThat(cut.problem(418).code()).isEqualTo("HTTP_418");
  }

  @Test
  void an_unexpected_failure_shows_an_incident_id_and_no_internals() {
    ProblemDetails problem =
        new UnexpectedExceptionMapper()
            .problem(new IllegalStateException("secret table name and stack details"));

    assertThat(problem.status()).isEqualTo(500);
    assertThat(problem.code()).isEqualTo("INTERNAL_ERROR");
    assertThat(problem.incident()).matches("[0-9a-f-]{36}");
    assertThat(problem.toString()).doesNotContain("secret", "IllegalStateException");
  }

  @Test
  void a_database_out_of_reach_is_503_with_retry_after_and_no_internals() {
    RuntimeException failure =
        new IllegalStateException(
            "secret query",
            new java.sql.SQLException("Connection to 10.0.0.5:5432 refused", "08001"));

    ProblemDetails problem = new UnexpectedExceptionMapper().problem(failure);

    assertThat(problem.status()).isEqualTo(503);
    assertThat(UnexpectedExceptionMapper.retryAfterSeconds(problem)).hasValue(5);
    assertThat(problem.code()).isEqualTo("DATABASE_UNAVAILABLE");
    assertThat(problem.incident()).isNull();
    assertThat(problem.toString()).doesNotContain("secret", "10.0.0.5", "SQLException");
  }

  @Test
  void a_failed_statement_is_still_our_fault() {
    RuntimeException failure =
        new IllegalStateException(
            new java.sql.SQLException("value too long for type character varying(64)", "22001"));

    ProblemDetails problem = new UnexpectedExceptionMapper().problem(failure);

    assertThat(problem.status()).isEqualTo(500);
    assertThat(UnexpectedExceptionMapper.retryAfterSeconds(problem)).isEmpty();
  }

  @Test
  void a_deadlock_no_retry_covered_is_409_concurrent_update_with_retry_after() {
    RuntimeException failure =
        new IllegalStateException(
            new java.sql.SQLException(
                "ERROR: deadlock detected in relation secret_table", "40P01"));

    ProblemDetails problem = new UnexpectedExceptionMapper().problem(failure);

    assertThat(problem.status()).isEqualTo(409);
    assertThat(problem.code()).isEqualTo("CONCURRENT_UPDATE");
    assertThat(UnexpectedExceptionMapper.retryAfterSeconds(problem)).hasValue(1);
    assertThat(problem.toString()).doesNotContain("secret_table", "SQLException");
  }

  @Test
  void an_unreadable_request_body_is_400_and_a_failed_response_is_500() {
    JsonbException reading = fromMethod("fromJson");
    JsonbException writing = fromMethod("toJson");

    assertThat(new JsonbExceptionMapper().problem(reading).code()).isEqualTo("MALFORMED_JSON");
    assertThat(new JsonbExceptionMapper().problem(writing).code()).isEqualTo("INTERNAL_ERROR");
  }

  private static JsonbException fromMethod(String method) {
    JsonbException exception = new JsonbException("Invalid token=EOF");
    exception.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement("org.eclipse.yasson.Binding", method, null, 1)
        });
    return exception;
  }
}

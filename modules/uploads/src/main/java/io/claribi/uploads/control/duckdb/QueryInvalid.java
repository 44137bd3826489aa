package io.claribi.uploads.control.duckdb;

import io.claribi.platform.api.ProblemException;

/** The one way a query request is refused: a 400 that says what to change. */
final class QueryInvalid {

  static final String CODE = "UPLOAD_QUERY_INVALID";

  private QueryInvalid() {}

  static ProblemException because(String detail) {
    return ProblemException.badRequest(CODE, detail);
  }

  /** Names go back to the caller quoted and shortened: they may be anything a file had. */
  static String quoted(String name) {
    String shown = name.length() > 80 ? name.substring(0, 80) + "…" : name;
    return "\"" + shown + "\"";
  }
}

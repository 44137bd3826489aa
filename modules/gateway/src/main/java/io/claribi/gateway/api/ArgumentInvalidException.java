package io.claribi.gateway.api;

import io.claribi.platform.api.ProblemException;

/** 400 {@code ARGUMENT_INVALID}: the arguments break the tool's approved input schema. */
public class ArgumentInvalidException extends ProblemException {

  private static final long serialVersionUID = 1L;

  public ArgumentInvalidException(String detail) {
    super(400, "ARGUMENT_INVALID", "Invalid tool arguments", detail);
  }
}

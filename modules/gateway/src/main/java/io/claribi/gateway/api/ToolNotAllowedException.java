package io.claribi.gateway.api;

import io.claribi.platform.api.ProblemException;

/** 403 {@code TOOL_NOT_ALLOWED}: the allowlist refused the tool, and nothing was sent. */
public class ToolNotAllowedException extends ProblemException {

  private static final long serialVersionUID = 1L;

  public ToolNotAllowedException(String detail) {
    super(403, "TOOL_NOT_ALLOWED", "Tool not allowed", detail);
  }
}

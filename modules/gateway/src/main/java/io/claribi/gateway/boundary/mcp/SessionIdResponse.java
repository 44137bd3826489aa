package io.claribi.gateway.boundary.mcp;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/** Notes the session id the transport gives a client in its answer to {@code initialize}. */
final class SessionIdResponse extends HttpServletResponseWrapper {

  private String sessionId;

  SessionIdResponse(HttpServletResponse response) {
    super(response);
  }

  @Override
  public void setHeader(String name, String value) {
    note(name, value);
    super.setHeader(name, value);
  }

  @Override
  public void addHeader(String name, String value) {
    note(name, value);
    super.addHeader(name, value);
  }

  private void note(String name, String value) {
    if (McpDispatcher.SESSION_HEADER.equalsIgnoreCase(name)) {
      sessionId = value;
    }
  }

  String sessionId() {
    return sessionId;
  }
}

package io.claribi.gateway.boundary.mcp;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.util.function.Consumer;

/**
 * Notes the session id the transport gives a client in its answer to {@code initialize}, and hands
 * it on at once, while the header is being set: before the answer can reach the client. A session
 * registered only after the transport had answered could be unknown to the client's very next
 * request (it came in first under load, got 404, and the client gave the session up).
 */
final class SessionIdResponse extends HttpServletResponseWrapper {

  private final Consumer<String> opened;
  private String sessionId;

  /**
   * @param opened told the session id once, before the header is passed on
   */
  SessionIdResponse(HttpServletResponse response, Consumer<String> opened) {
    super(response);
    this.opened = opened;
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
    if (McpDispatcher.SESSION_HEADER.equalsIgnoreCase(name) && sessionId == null && value != null) {
      sessionId = value;
      opened.accept(value);
    }
  }
}

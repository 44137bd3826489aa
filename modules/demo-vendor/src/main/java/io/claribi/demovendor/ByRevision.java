package io.claribi.demovendor;

import io.claribi.demovendor.tools.AcmeServer;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Hands a fault path's request to the server of the revision its path names: {@code
 * /faults/<mode>/mcp-2026} to the stateless one, anything else to the sessions' one. Both servlets
 * are registered at their own paths too, so the container has initialised them.
 */
final class ByRevision extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient Servlet sessions;
  private final transient Servlet stateless;

  ByRevision(Servlet sessions, Servlet stateless) {
    this.sessions = sessions;
    this.stateless = stateless;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    if (request.getRequestURI().endsWith(AcmeServer.STATELESS_PATH)) {
      stateless.service(request, response);
    } else {
      sessions.service(request, response);
    }
  }
}

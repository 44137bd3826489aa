package io.claribi.demovendor.faults;

import io.claribi.demovendor.control.JsonRpcRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code /faults/<mode>/mcp}: the real MCP endpoint (same authentication, same sessions), except
 * for the one message each mode breaks. Stateless, so concurrent tests cannot disturb each other.
 */
public final class FaultFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Optional<Fault> fault = Fault.of(request.getPathInfo());
    if (fault.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such fault path");
      return;
    }
    JsonRpcRequest rpc = (JsonRpcRequest) request.getAttribute(JsonRpcRequest.ATTRIBUTE);
    if ("POST".equals(request.getMethod())
        && rpc != null
        && fault.get().breaks(rpc.methodIfAny().orElse(""))) {
      fault.get().answer(rpc, request, response);
    } else {
      chain.doFilter(request, response);
    }
  }
}

package io.claribi.demovendor.control;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;

/**
 * First in front of the MCP endpoint and the fault paths, before authentication: reads the body
 * once, records the request, leaves the parsed JSON-RPC message for later filters, and fills in the
 * status when the response is done, also when it finishes asynchronously.
 */
public final class RequestLogFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** MCP messages are small; a bigger body is refused rather than held in memory. */
  static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

  private final transient RequestLog log;

  public RequestLogFilter(RequestLog log) {
    this.log = log;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Instant arrived = Instant.now();
    byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    JsonRpcRequest rpc = JsonRpcRequest.parse(body);
    RequestLog.Arrival arrival =
        log.record(
            arrived,
            request.getMethod(),
            request.getRequestURI(),
            rpc,
            request.getHeader("Authorization") != null);
    if (body.length > MAX_BODY_BYTES) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      arrival.finished(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    request.setAttribute(JsonRpcRequest.ATTRIBUTE, rpc);
    boolean done = false;
    try {
      chain.doFilter(new CachedBodyRequest(request, body), response);
      done = true;
    } finally {
      if (!done) {
        arrival.finished(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
      } else if (request.isAsyncStarted()) {
        whenComplete(request, response, arrival);
      } else {
        arrival.finished(response.getStatus());
      }
    }
  }

  /** The response may already be complete (a quick answer on another thread): then say so now. */
  private static void whenComplete(
      HttpServletRequest request, HttpServletResponse response, RequestLog.Arrival arrival) {
    try {
      request.getAsyncContext().addListener(new StatusOnCompletion(response, arrival));
    } catch (IllegalStateException alreadyComplete) {
      arrival.finished(response.getStatus());
    }
  }

  private record StatusOnCompletion(HttpServletResponse response, RequestLog.Arrival arrival)
      implements AsyncListener {

    @Override
    public void onComplete(AsyncEvent event) {
      arrival.finished(response.getStatus());
    }

    @Override
    public void onTimeout(AsyncEvent event) {}

    @Override
    public void onError(AsyncEvent event) {}

    @Override
    public void onStartAsync(AsyncEvent event) {}
  }
}

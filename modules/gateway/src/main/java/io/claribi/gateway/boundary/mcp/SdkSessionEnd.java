package io.claribi.gateway.boundary.mcp;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Collections;
import java.util.Enumeration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends a session inside the SDK's transport, which keeps its sessions to itself and ends one only
 * on the client's {@code DELETE}: the same {@code DELETE}, made on the current request's thread,
 * with an answer nobody receives.
 */
final class SdkSessionEnd {

  private static final Logger LOG = Logger.getLogger(SdkSessionEnd.class.getName());

  private SdkSessionEnd() {}

  static void end(
      jakarta.servlet.http.HttpServlet transport,
      HttpServletRequest current,
      HttpServletResponse response,
      String id) {
    try {
      transport.service(new Deleting(current, id), new Unheard(response));
    } catch (Exception e) {
      LOG.log(Level.FINE, "an expired MCP session could not be ended in the SDK", e);
    }
  }

  private static final class Deleting extends HttpServletRequestWrapper {
    private final String id;

    Deleting(HttpServletRequest request, String id) {
      super(request);
      this.id = id;
    }

    @Override
    public String getMethod() {
      return "DELETE";
    }

    @Override
    public String getHeader(String name) {
      return McpDispatcher.SESSION_HEADER.equalsIgnoreCase(name) ? id : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return McpDispatcher.SESSION_HEADER.equalsIgnoreCase(name)
          ? Collections.enumeration(java.util.List.of(id))
          : super.getHeaders(name);
    }
  }

  /** Everything the transport answers to the internal DELETE is dropped. */
  private static final class Unheard extends HttpServletResponseWrapper {
    Unheard(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setStatus(int sc) {}

    @Override
    public void sendError(int sc) {}

    @Override
    public void sendError(int sc, String msg) {}

    @Override
    public void setHeader(String name, String value) {}

    @Override
    public void addHeader(String name, String value) {}

    @Override
    public void setContentType(String type) {}

    @Override
    public void setCharacterEncoding(String charset) {}

    @Override
    public PrintWriter getWriter() {
      return new PrintWriter(Writer.nullWriter());
    }

    @Override
    public ServletOutputStream getOutputStream() {
      return new ServletOutputStream() {
        @Override
        public void write(int b) {}

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {}
      };
    }

    @Override
    public void flushBuffer() throws IOException {}
  }
}

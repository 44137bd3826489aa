package io.claribi.gateway.boundary.mcp;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;

/**
 * A request whose body was read already (within the size limit), for the transport to read. Its
 * header values come without surrounding whitespace: RFC 9110 (5.5) excludes it from a field's
 * value, and the SDK's transport compares {@code Mcp-Name} and {@code Mcp-Method} with the body as
 * they come.
 */
final class BufferedRequest extends HttpServletRequestWrapper {

  private final byte[] body;

  BufferedRequest(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return in.read(b, off, len);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new IllegalStateException("the body was read already");
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    // MCP messages are UTF-8 JSON whatever the Content-Type says
    return new BufferedReader(
        new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
  }

  @Override
  public String getHeader(String name) {
    return trimmed(super.getHeader(name));
  }

  @Override
  public Enumeration<String> getHeaders(String name) {
    Enumeration<String> values = super.getHeaders(name);
    return values == null
        ? null
        : Collections.enumeration(
            Collections.list(values).stream().map(BufferedRequest::trimmed).toList());
  }

  /** Without leading and trailing optional whitespace (spaces and horizontal tabs). */
  static String trimmed(String value) {
    if (value == null) {
      return null;
    }
    int start = 0;
    int end = value.length();
    while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
      end--;
    }
    return value.substring(start, end);
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }
}

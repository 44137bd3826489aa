package io.claribi.demovendor.faults;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A valid JSON-RPC tools/call result with 50 MiB of text, written in 64 KiB chunks from one reused
 * buffer: memory stays flat however large the answer (the demo vendor shares the product's heap).
 * Content-Length is set, so a client can refuse it before reading.
 */
final class HugeResult {

  static final long TEXT_BYTES = 50L * 1024 * 1024;
  private static final int CHUNK = 64 * 1024;

  private HugeResult() {}

  static String prefix(String idJson) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + idJson
        + ",\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"";
  }

  static final String SUFFIX = "\"}],\"isError\":false}}";

  static void write(String idJson, HttpServletResponse response) throws IOException {
    byte[] prefix = prefix(idJson).getBytes(StandardCharsets.UTF_8);
    byte[] suffix = SUFFIX.getBytes(StandardCharsets.UTF_8);
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("application/json");
    response.setContentLengthLong(prefix.length + TEXT_BYTES + suffix.length);
    byte[] chunk = new byte[CHUNK];
    Arrays.fill(chunk, (byte) 'a');
    ServletOutputStream out = response.getOutputStream();
    out.write(prefix);
    for (long left = TEXT_BYTES; left > 0; left -= CHUNK) {
      out.write(chunk, 0, (int) Math.min(CHUNK, left));
    }
    out.write(suffix);
    out.flush();
  }
}

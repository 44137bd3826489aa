package io.claribi.gateway.control.mcpclient;

import java.util.Objects;

/**
 * What the vendor answered, as JSON text in MCP's own shape (a {@code CallToolResult}, a resource
 * list or contents). {@code toolError} is MCP's {@code isError}: the tool ran and reported a
 * failure, which is a result for the AI engine, not a gateway error.
 */
public record VendorReply(String json, boolean toolError) {

  public VendorReply {
    Objects.requireNonNull(json, "json");
  }
}

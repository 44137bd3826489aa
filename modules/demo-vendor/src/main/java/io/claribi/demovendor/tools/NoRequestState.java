package io.claribi.demovendor.tools;

import io.modelcontextprotocol.modern.server.McpRequestContext;
import io.modelcontextprotocol.modern.server.RequestStateCodec;

/**
 * Acme never answers {@code input_required}, so it never seals a {@code requestState}; this
 * replaces the SDK's default HMAC codec, which would make up a key and warn at every start.
 */
final class NoRequestState implements RequestStateCodec {

  @Override
  public String seal(McpRequestContext context, String state) {
    throw new IllegalStateException("Acme never asks for input, so it never seals a state");
  }

  @Override
  public String open(McpRequestContext context, String sealed) {
    return null;
  }
}

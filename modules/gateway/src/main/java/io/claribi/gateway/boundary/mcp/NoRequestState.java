package io.claribi.gateway.boundary.mcp;

import io.modelcontextprotocol.modern.server.McpRequestContext;
import io.modelcontextprotocol.modern.server.RequestStateCodec;

/**
 * The {@code requestState} codec of 2026-07-28 for an endpoint that never answers {@code
 * input_required}: nothing is ever sealed, so nothing opens. {@link StatelessTools} declares no
 * input-required method, so the SDK's server does not even try; this replaces its default HMAC
 * codec, which would make up a key per node and warn about it at every start.
 */
final class NoRequestState implements RequestStateCodec {

  @Override
  public String seal(McpRequestContext context, String state) {
    throw new IllegalStateException("/mcp never asks for input, so it never seals a state");
  }

  @Override
  public String open(McpRequestContext context, String sealed) {
    return null; // nothing was sealed here
  }
}

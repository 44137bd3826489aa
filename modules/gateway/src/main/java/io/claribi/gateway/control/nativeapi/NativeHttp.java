package io.claribi.gateway.control.nativeapi;

import io.claribi.catalog.api.OutboundPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The HTTP client all native connectors share, with the gateway's limits; never follows redirects.
 */
final class NativeHttp {

  private final HttpClient client;
  private final NativeLimits limits;
  private final OutboundPolicy outbound;

  NativeHttp(NativeLimits limits, OutboundPolicy outbound) {
    this.limits = limits;
    this.outbound = outbound;
    this.client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(limits.connectTimeout())
            .build();
  }

  /**
   * A read-only API on {@code base}, which must pass the outbound rules first (checked on every
   * call, like MCP sessions: the address may resolve differently now).
   */
  ReadOnlyApi open(
      String vendor, URI base, Supplier<String> accessToken, Map<String, String> headers) {
    URI checked = outbound.requireSafe(String.valueOf(base));
    return new ReadOnlyApi(client, limits, vendor, checked, accessToken, headers);
  }
}

package io.claribi.connections.control.nativeapi;

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

  NativeHttp(NativeLimits limits) {
    this.limits = limits;
    this.client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(limits.connectTimeout())
            .build();
  }

  ReadOnlyApi open(
      String vendor, URI base, Supplier<String> accessToken, Map<String, String> headers) {
    return new ReadOnlyApi(client, limits, vendor, base, accessToken, headers);
  }
}

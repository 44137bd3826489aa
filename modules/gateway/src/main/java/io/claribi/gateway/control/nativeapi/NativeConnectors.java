package io.claribi.gateway.control.nativeapi;

import io.claribi.catalog.api.OutboundPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The native connectors, by catalog vendor id. */
public final class NativeConnectors {

  private final Map<String, NativeConnector> byVendor;

  /**
   * @param outbound the outbound rules every vendor base URI passes before a request is sent
   * @param googleAdsDeveloperToken the operator's Google Ads developer token (a secret the caller
   *     reads from the environment); empty leaves Google Ads unconfigured, and its calls refused
   */
  public NativeConnectors(
      NativeLimits limits,
      OutboundPolicy outbound,
      Supplier<Optional<String>> googleAdsDeveloperToken) {
    NativeHttp http = new NativeHttp(limits, outbound);
    byVendor =
        List.of(
                new GoogleAnalytics(http),
                new GoogleAds(http, googleAdsDeveloperToken),
                new MetaAds(http),
                new Jira(http))
            .stream()
            .collect(Collectors.toUnmodifiableMap(NativeConnector::vendorId, Function.identity()));
  }

  public Optional<NativeConnector> forVendor(String vendorId) {
    return Optional.ofNullable(vendorId).map(byVendor::get);
  }

  public List<String> vendorIds() {
    return byVendor.keySet().stream().sorted().toList();
  }
}

package io.claribi.connections.control.nativeapi;

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
   * @param googleAdsDeveloperToken the operator's Google Ads developer token (a secret the caller
   *     reads from the environment); empty leaves Google Ads unconfigured, and its calls refused
   */
  public NativeConnectors(NativeLimits limits, Supplier<Optional<String>> googleAdsDeveloperToken) {
    NativeHttp http = new NativeHttp(limits);
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

package io.claribi.gateway.control.nativeapi;

import io.claribi.gateway.control.GatewaySettings;
import java.time.Duration;

/** The gateway's limits, applied to every native connector request. */
public record NativeLimits(
    Duration connectTimeout, Duration callTimeout, int maxResponseBytes, long retryAfterSeconds) {

  public static NativeLimits of(GatewaySettings settings) {
    return new NativeLimits(
        settings.connectTimeout(),
        settings.callTimeout(),
        settings.maxResponseBytes(),
        settings.retryAfterSeconds());
  }
}

package io.claribi.catalog.api;

import java.net.URI;

/**
 * The outbound-safety rules for every URL the product fetches from or sends to a vendor: the
 * scheme, no credentials in the URL, and no private, loopback or link-local address unless an
 * operator allowed that host. Vendor server URLs are checked when saved and again before use.
 */
public interface OutboundPolicy {

  /**
   * @return the URL, parsed
   * @throws io.claribi.platform.api.ProblemException 400 {@code OUTBOUND_URL_REFUSED} naming the
   *     rule it breaks
   */
  URI requireSafe(String url);
}

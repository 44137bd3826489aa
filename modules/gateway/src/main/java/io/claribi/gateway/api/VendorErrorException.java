package io.claribi.gateway.api;

import io.claribi.platform.api.ProblemException;

/**
 * 502: the vendor answered, but with an error or something unusable. {@code VENDOR_ERROR} carries
 * the vendor's message, sanitised; {@code VENDOR_RESPONSE_TOO_LARGE} and {@code
 * VENDOR_RESPONSE_MALFORMED} say why a reply was dropped.
 */
public class VendorErrorException extends ProblemException {

  private static final long serialVersionUID = 1L;

  public VendorErrorException(String code, String detail) {
    super(502, code, "Vendor error", detail);
  }
}

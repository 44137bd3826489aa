package io.claribi.gateway.boundary.violations;

import io.claribi.gateway.control.nativeapi.NativeConnectors;

/** Counter-example: the boundary holding native connectors, around the vendor package. */
public class UsingANativeConnectorFromTheBoundary {

  boolean knows(NativeConnectors connectors) {
    return connectors.forVendor("jira").isPresent();
  }
}

package io.claribi.connections.boundary.violations;

import io.claribi.connections.control.nativeapi.NativeConnectors;

/** Counter-example: the boundary holding native connectors, around the vendor package. */
public class UsingANativeConnectorFromTheBoundary {

  boolean knows(NativeConnectors connectors) {
    return connectors.forVendor("jira").isPresent();
  }
}

package io.claribi.connections.boundary.violations;

import io.claribi.connections.control.allowlist.ToolPermit;
import io.claribi.connections.control.vendor.VendorSessions;
import io.claribi.credentials.api.Credential;

/** Counter-example: a resource that sends a permitted call without admission or audit. */
public class BypassingTheGateway {

  Object replay(VendorSessions vendors, ToolPermit kept, Credential credential) {
    return vendors.callTool(kept, credential);
  }
}

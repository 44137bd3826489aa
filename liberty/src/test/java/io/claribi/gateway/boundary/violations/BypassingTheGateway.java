package io.claribi.gateway.boundary.violations;

import io.claribi.credentials.api.Credential;
import io.claribi.gateway.control.allowlist.ToolPermit;
import io.claribi.gateway.control.mcpclient.VendorSessions;

/** Counter-example: a resource that sends a permitted call without admission or audit. */
public class BypassingTheGateway {

  Object replay(VendorSessions vendors, ToolPermit kept, Credential credential) {
    return vendors.callTool(kept, credential);
  }
}

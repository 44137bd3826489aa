package io.claribi.connections.boundary;

import io.claribi.connections.control.UploadEngine;
import io.claribi.connections.control.vendor.VendorReply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Runs an admitted upload tool outside any transaction, and answers in MCP's {@code CallToolResult}
 * shape like a vendor would: the answer as JSON text and as {@code structuredContent}.
 */
@ApplicationScoped
public class UploadReading {

  @Inject UploadEngine engine;

  VendorReply read(UploadAdmission.UploadPermit permit) {
    Map<String, Object> answer =
        permit.query().isPresent()
            ? engine.query(permit.content(), permit.format(), permit.query().get()).asMap()
            : engine.describe(permit.content(), permit.format()).asMap();
    return new VendorReply(GatewayJson.toolResult(answer), false);
  }
}

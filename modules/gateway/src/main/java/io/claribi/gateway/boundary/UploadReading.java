package io.claribi.gateway.boundary;

import io.claribi.gateway.control.mcpclient.VendorReply;
import io.claribi.uploads.api.UploadRead;
import io.claribi.uploads.api.UploadSources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Runs an admitted upload tool outside any transaction, and answers in MCP's {@code CallToolResult}
 * shape like a vendor would: the answer as JSON text and as {@code structuredContent}.
 */
@ApplicationScoped
public class UploadReading {

  @Inject UploadSources uploads;

  VendorReply read(UploadRead permit) {
    return new VendorReply(GatewayJson.toolResult(uploads.answer(permit)), false);
  }
}

package io.claribi.gateway.boundary;

import io.claribi.catalog.api.VendorId;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.Roles;
import io.claribi.uploads.api.UploadId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The AI engine's view of its organization's tools: only allowed ones are listed, and every call is
 * checked again in full, whatever was listed.
 */
@Path("tools")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.INTEGRATOR, Roles.ORG_ADMIN})
public class ToolsResource {

  @Inject ToolListing listing;
  @Inject ToolCalls gateway;

  @GET
  public String list() {
    JsonArrayBuilder tools = GatewayJson.array();
    for (ToolListing.CallableTool tool : listing.callableTools()) {
      var entry =
          GatewayJson.object()
              .add(tool.upload() ? "uploadId" : "connectionId", tool.sourceId())
              .add("vendor", tool.vendor())
              .add("name", tool.name())
              .add("inputSchema", GatewayJson.parse(tool.inputSchema()));
      if (tool.title() != null) {
        entry.add("title", tool.title());
      }
      if (tool.description() != null) {
        entry.add("description", tool.description());
      }
      tools.add(entry);
    }
    return GatewayJson.write(GatewayJson.object().add("tools", tools).build());
  }

  @POST
  @Path("call")
  public String call(@NotNull(message = "a JSON body is required") @Valid ToolCall request) {
    if (request.uploadId() != null) {
      return GatewayJson.uploadAnswer(
          gateway.callUpload(
              UploadId.parse(request.uploadId()), request.tool(), request.argumentsJson()));
    }
    return GatewayJson.answer(
        gateway.call(request.target(), request.tool(), request.argumentsJson()), "tool");
  }

  /**
   * {@code connectionId}, {@code vendor} or {@code uploadId}, the exact tool name, its arguments.
   */
  public record ToolCall(
      String connectionId,
      String vendor,
      String uploadId,
      @NotNull @Size(min = 1, max = 1000) String tool,
      JsonObject arguments) {

    @AssertTrue(message = "name exactly one of connectionId, vendor and uploadId")
    public boolean isTargetNamed() {
      return Stream.of(connectionId, vendor, uploadId).filter(Objects::nonNull).count() == 1;
    }

    CallTarget target() {
      return connectionId != null
          ? CallTarget.connection(ConnectionId.parse(connectionId))
          : CallTarget.vendor(VendorId.parse(vendor));
    }

    String argumentsJson() {
      return arguments == null ? "{}" : GatewayJson.write(arguments);
    }
  }
}

package io.claribi.catalog.boundary;

import io.claribi.catalog.api.VendorId;
import io.claribi.catalog.api.VendorKind;
import io.claribi.catalog.entity.VendorSpec;
import io.claribi.platform.api.ConcurrentUpdates;
import io.claribi.platform.api.Roles;
import io.claribi.platform.api.VerifiedCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** The catalog's vendors: everyone reads the active ones, platform operators change them. */
@Path("catalog/vendors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VendorsResource {

  static final String SLUG = "[a-z0-9][a-z0-9-]{1,62}";
  static final String KINDS = "MCP|NATIVE_OAUTH";

  @Inject Browsing browsing;
  @Inject Curation curation;
  @Inject VerifiedCaller caller;

  @GET
  @RolesAllowed({Roles.ORG_ADMIN, Roles.INTEGRATOR, Roles.PLATFORM_OPERATOR})
  public List<VendorView> vendors() {
    return browsing.activeVendors();
  }

  @GET
  @Path("{vendor}")
  @RolesAllowed({Roles.ORG_ADMIN, Roles.INTEGRATOR, Roles.PLATFORM_OPERATOR})
  public VendorView vendor(@PathParam("vendor") String vendor) {
    return browsing.vendor(VendorId.parse(vendor), caller.isInRole(Roles.PLATFORM_OPERATOR));
  }

  @POST
  @RolesAllowed(Roles.PLATFORM_OPERATOR)
  public Response create(
      @NotNull(message = "a JSON body is required") @Valid NewVendor request,
      @Context UriInfo uri) {
    VendorView created =
        ConcurrentUpdates.retrying(
            Curation.RACE_ATTEMPTS,
            () -> curation.create(new VendorId(request.id()), request.spec(), request.reason()));
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
        .entity(created)
        .build();
  }

  @PUT
  @Path("{vendor}")
  @RolesAllowed(Roles.PLATFORM_OPERATOR)
  public VendorView edit(
      @PathParam("vendor") String vendor,
      @NotNull(message = "a JSON body is required") @Valid VendorEdit request) {
    return ConcurrentUpdates.retrying(
        Curation.RACE_ATTEMPTS,
        () -> curation.edit(VendorId.parse(vendor), request.spec(), request.reason()));
  }

  @DELETE
  @Path("{vendor}")
  @RolesAllowed(Roles.PLATFORM_OPERATOR)
  public Response retire(
      @PathParam("vendor") String vendor,
      @QueryParam("reason") @NotBlank(message = "a reason is required") @Size(max = 500)
          String reason) {
    curation.retire(VendorId.parse(vendor), reason);
    return Response.noContent().build();
  }

  @GET
  @Path("{vendor}/changes")
  @RolesAllowed(Roles.PLATFORM_OPERATOR)
  public List<VendorChangeView> changes(@PathParam("vendor") String vendor) {
    return curation.changes(VendorId.parse(vendor));
  }

  /** A new vendor: its id, what it is, and why it is added. */
  public record NewVendor(
      @NotNull @Pattern(regexp = SLUG, message = "must be a vendor id such as acme-payments")
          String id,
      @NotBlank @Size(max = VendorSpec.MAX_DISPLAY_NAME) String displayName,
      @NotNull @Pattern(regexp = KINDS, message = "must be MCP or NATIVE_OAUTH") String kind,
      @NotBlank @Size(max = VendorSpec.MAX_URL) String serverUrl,
      List<@NotNull @Size(min = 1, max = 200) String> readScopes,
      List<@NotNull @Size(min = 1, max = 40) String> dataDomains,
      boolean resourcesEnabled,
      @Size(max = VendorSpec.MAX_URL) String authorizationServer,
      @NotBlank(message = "a reason is required") @Size(max = 500) String reason) {

    VendorSpec spec() {
      return new VendorSpec(
          displayName,
          VendorKind.valueOf(kind),
          serverUrl,
          readScopes,
          dataDomains,
          resourcesEnabled,
          authorizationServer);
    }
  }

  /** An edit replaces everything the vendor says, and says why. */
  public record VendorEdit(
      @NotBlank @Size(max = VendorSpec.MAX_DISPLAY_NAME) String displayName,
      @NotNull @Pattern(regexp = KINDS, message = "must be MCP or NATIVE_OAUTH") String kind,
      @NotBlank @Size(max = VendorSpec.MAX_URL) String serverUrl,
      List<@NotNull @Size(min = 1, max = 200) String> readScopes,
      List<@NotNull @Size(min = 1, max = 40) String> dataDomains,
      boolean resourcesEnabled,
      @Size(max = VendorSpec.MAX_URL) String authorizationServer,
      @NotBlank(message = "a reason is required") @Size(max = 500) String reason) {

    VendorSpec spec() {
      return new VendorSpec(
          displayName,
          VendorKind.valueOf(kind),
          serverUrl,
          readScopes,
          dataDomains,
          resourcesEnabled,
          authorizationServer);
    }
  }
}

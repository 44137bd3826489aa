package io.claribi.uploads.boundary;

import io.claribi.platform.api.ProblemException;
import io.claribi.platform.api.Roles;
import io.claribi.uploads.api.UploadId;
import io.claribi.uploads.entity.Upload;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** The caller's organization's uploaded files; another organization's do not exist here. */
@Path("uploads")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ORG_ADMIN, Roles.INTEGRATOR})
public class UploadsResource {

  private static final Pattern DOMAIN = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
  private static final int MAX_DOMAINS = 10;

  /** Room for the multipart framing and the small fields around the file. */
  private static final long ENVELOPE_BYTES = 64 * 1024;

  @Inject Uploading uploading;

  /**
   * Adds a file: multipart field {@code file} (CSV or Parquet, recognised from its bytes, not its
   * name) and optional {@code domains} (comma-separated data domains it holds, for routing).
   */
  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed(Roles.ORG_ADMIN)
  public Response add(
      @FormParam("file") EntityPart file,
      @FormParam("domains") String domains,
      @HeaderParam("Content-Length") Long contentLength) {
    var plan = uploading.requireUploads();
    if (contentLength != null && contentLength > plan.uploads().maxFileBytes() + ENVELOPE_BYTES) {
      throw Uploading.tooLarge(plan); // refused before the body is read
    }
    if (file == null) {
      throw ProblemException.badRequest(
          "UPLOAD_FILE_MISSING", "Send the file as the multipart field 'file'.");
    }
    byte[] content = read(file, plan.uploads().maxFileBytes(), plan);
    UploadView added =
        uploading.add(
            new Uploading.Arrived(
                displayName(file.getFileName().orElse("")), content, domains(domains)));
    return Response.created(URI.create("uploads/" + added.id())).entity(added).build();
  }

  @GET
  public List<UploadView> list() {
    return uploading.all();
  }

  @GET
  @Path("{id}")
  public UploadView one(@PathParam("id") String id) {
    return uploading.one(UploadId.parse(id));
  }

  /** Deletes the file and its stored bytes in one transaction: 204, or 404. */
  @DELETE
  @Path("{id}")
  @RolesAllowed(Roles.ORG_ADMIN)
  public Response delete(@PathParam("id") String id) {
    uploading.delete(UploadId.parse(id));
    return Response.noContent().build();
  }

  /** Reads at most one byte past the limit, so an oversized body is never held in full. */
  private static byte[] read(EntityPart file, long limit, io.claribi.tiering.api.Plan plan) {
    try (InputStream in = file.getContent()) {
      byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (content.length > limit) {
        throw Uploading.tooLarge(plan);
      }
      return content;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the uploaded file", e);
    }
  }

  /** The file name is for people only: no path, no control characters, at most 255 characters. */
  static String displayName(String fileName) {
    String name = fileName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    name =
        name.codePoints()
            .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString()
            .strip();
    if (name.isEmpty()) {
      name = "upload";
    }
    return name.length() > Upload.MAX_NAME ? name.substring(0, Upload.MAX_NAME) : name;
  }

  static List<String> domains(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<String> domains =
        Arrays.stream(text.split("[,\\s]+")).filter(d -> !d.isEmpty()).distinct().toList();
    if (domains.size() > MAX_DOMAINS
        || !domains.stream().allMatch(d -> DOMAIN.matcher(d).matches())) {
      throw ProblemException.badRequest(
          "UPLOAD_DOMAINS_INVALID",
          "domains must be at most "
              + MAX_DOMAINS
              + " data domains, each 1-40 lower-case letters, digits or '-', separated by commas.");
    }
    return domains;
  }
}

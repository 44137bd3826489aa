package io.claribi.catalog.boundary.console;

import io.claribi.catalog.entity.ToolState;
import io.claribi.platform.api.Roles;
import io.claribi.platform.api.VerifiedCaller;
import jakarta.faces.context.FacesContext;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

/**
 * What the platform operator's console pages (catalog, review queue) share: the refusal for anyone
 * else, and how states and the vendor's JSON are written for people (times: {@code claribi:time}).
 */
final class OperatorPages {

  /** Looked up once: {@code Json.create…} searches the class path on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final JsonWriterFactory PRETTY =
      JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

  private OperatorPages() {}

  /**
   * Sends the friendly 403 page unless the signed-in user is a platform operator; the REST API's
   * {@code @RolesAllowed} says the same for curation.
   *
   * @return whether the page was refused (and must show nothing)
   */
  static boolean refusedUnlessOperator(VerifiedCaller caller) throws IOException {
    if (caller.isInRole(Roles.PLATFORM_OPERATOR)) {
      return false;
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    faces
        .getExternalContext()
        .responseSendError(403, "Only platform operators may open this page.");
    faces.responseComplete();
    return true;
  }

  static String label(ToolState state) {
    return switch (state) {
      case ALLOWED -> "Allowed";
      case PENDING_REVIEW -> "Awaiting review";
      case CHANGED_SINCE_APPROVAL -> "Changed since approval";
      case DENIED -> "Denied";
      case NO_LONGER_LISTED -> "No longer listed";
    };
  }

  /** The vendor's JSON, indented for reading; written to the page escaped like any other text. */
  static String pretty(JsonValue json) {
    if (json == null || json == JsonValue.NULL) {
      return "";
    }
    if (json.getValueType() == JsonValue.ValueType.STRING) {
      return json.toString();
    }
    StringWriter out = new StringWriter();
    try (var writer = PRETTY.createWriter(out)) {
      writer.write(json);
    }
    return out.toString().strip();
  }
}

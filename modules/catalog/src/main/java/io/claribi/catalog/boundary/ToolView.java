package io.claribi.catalog.boundary;

import io.claribi.catalog.entity.ApprovedText;
import io.claribi.catalog.entity.CatalogTool;
import io.claribi.catalog.entity.Decision;
import io.claribi.catalog.entity.ToolState;
import io.claribi.catalog.entity.VendorSource;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;

/**
 * A tool as operators review it. Everything but the decision is the vendor's own text. The vendor's
 * annotations (readOnlyHint, …) appear under {@code annotations.hints} with {@code verified:
 * false}: they are shown to help a review and never allow anything.
 *
 * @param approvedFingerprint the fingerprint the ALLOW was given on, only while the tool is {@code
 *     CHANGED_SINCE_APPROVAL}
 * @param approved the text the ALLOW was given on, only while the tool is {@code
 *     CHANGED_SINCE_APPROVAL} and the catalog kept it (not for ALLOWs recorded before it did)
 */
public record ToolView(
    String name,
    String title,
    String description,
    JsonValue inputSchema,
    Annotations annotations,
    String fingerprint,
    boolean listed,
    Instant firstSeenAt,
    Instant lastSeenAt,
    ToolState state,
    Decision decision,
    VendorSource decisionSource,
    String decidedBy,
    Instant decidedAt,
    String decisionReason,
    String approvedFingerprint,
    Approved approved) {

  /** Looked up once: {@code Json.create…} searches the class path on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  /** The vendor's text as it was allowed, in the same shape as the tool's current text. */
  public record Approved(
      String title, String description, JsonValue inputSchema, Annotations annotations) {
    static Approved of(ApprovedText text) {
      return new Approved(
          text.title(),
          text.description(),
          parsed(text.inputSchema()),
          Annotations.of(text.annotations()));
    }
  }

  /** The vendor's annotations, labelled as what they are. */
  public record Annotations(boolean verified, String note, JsonValue hints) {
    public static Annotations of(String json) {
      return new Annotations(
          false, "Vendor-supplied hints: never used to allow a call.", parsed(json));
    }
  }

  static ToolView of(CatalogTool tool) {
    ToolState state = tool.state();
    return new ToolView(
        tool.name(),
        tool.title(),
        tool.description(),
        parsed(tool.inputSchema()),
        Annotations.of(tool.annotations()),
        tool.fingerprint(),
        tool.listed(),
        tool.firstSeenAt(),
        tool.lastSeenAt(),
        state,
        tool.decision(),
        tool.decisionSource(),
        tool.decidedBy(),
        tool.decidedAt(),
        tool.decisionReason(),
        state == ToolState.CHANGED_SINCE_APPROVAL ? tool.approvedFingerprint() : null,
        state == ToolState.CHANGED_SINCE_APPROVAL
            ? tool.approvedText().map(Approved::of).orElse(null)
            : null);
  }

  /** Stored JSON was checked when discovered; text that is not JSON is shown as a string. */
  public static JsonValue parsed(String json) {
    if (json == null) {
      return JsonValue.NULL;
    }
    try (var reader = JSON.createReader(new StringReader(json))) {
      return reader.readValue();
    } catch (RuntimeException e) {
      return JSON.createValue(json);
    }
  }
}

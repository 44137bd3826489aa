package io.claribi.catalog.control;

import io.claribi.catalog.api.DiscoveredTool;
import io.claribi.platform.api.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bounds on what a vendor's tool list may hold, checked whole before anything is recorded: a list
 * that breaks one is refused as a vendor error (502) and the catalog stays as it was.
 */
public final class ToolListCheck {

  public static final int MAX_NAME_CHARS = 256;
  public static final int MAX_TITLE_CHARS = 1024;
  public static final int MAX_DESCRIPTION_BYTES = 64 * 1024;
  public static final int MAX_SCHEMA_BYTES = 256 * 1024;
  public static final int MAX_ANNOTATIONS_BYTES = 16 * 1024;

  private ToolListCheck() {}

  /**
   * @return each tool by its exact name, with its fingerprint, in the vendor's order
   * @throws ProblemException 502 {@code VENDOR_TOOL_LIST_TOO_LARGE} or {@code VENDOR_TOOL_INVALID}
   */
  public static Map<DiscoveredTool, String> fingerprinted(List<DiscoveredTool> tools, int max) {
    if (tools.size() > max) {
      throw new ProblemException(
          502,
          "VENDOR_TOOL_LIST_TOO_LARGE",
          "Vendor tool list too large",
          "The vendor listed "
              + tools.size()
              + " tools; at most "
              + max
              + " are accepted. Nothing was recorded.");
    }
    Set<String> names = new HashSet<>();
    Map<DiscoveredTool, String> checked = new LinkedHashMap<>();
    for (int i = 0; i < tools.size(); i++) {
      DiscoveredTool tool = tools.get(i);
      check(tool, i);
      if (!names.add(tool.name())) {
        throw invalid(i, "its name is listed twice");
      }
      try {
        checked.put(tool, ToolFingerprint.of(tool));
      } catch (IllegalArgumentException e) {
        throw invalid(i, "its input schema or annotations are not JSON");
      }
    }
    return checked;
  }

  private static void check(DiscoveredTool tool, int index) {
    if (tool.name().isEmpty() || tool.name().length() > MAX_NAME_CHARS) {
      throw invalid(index, "its name must be 1-" + MAX_NAME_CHARS + " characters");
    }
    if (tool.title() != null && tool.title().length() > MAX_TITLE_CHARS) {
      throw invalid(index, "its title exceeds " + MAX_TITLE_CHARS + " characters");
    }
    requireBytes(index, "description", tool.description(), MAX_DESCRIPTION_BYTES);
    requireBytes(index, "input schema", tool.inputSchema(), MAX_SCHEMA_BYTES);
    requireBytes(index, "annotations", tool.annotations(), MAX_ANNOTATIONS_BYTES);
    for (String text :
        new String[] {
          tool.name(), tool.title(), tool.description(), tool.inputSchema(), tool.annotations()
        }) {
      // PostgreSQL cannot store U+0000 in text; no honest tool needs it.
      if (text != null && text.indexOf('\u0000') >= 0) {
        throw invalid(index, "it contains a NUL character");
      }
    }
  }

  private static void requireBytes(int index, String field, String text, int max) {
    if (text != null
        && (text.length() > max || text.getBytes(StandardCharsets.UTF_8).length > max)) {
      throw invalid(index, "its " + field + " exceeds " + max + " bytes");
    }
  }

  private static ProblemException invalid(int index, String why) {
    return new ProblemException(
        502,
        "VENDOR_TOOL_INVALID",
        "Vendor tool invalid",
        "Tool #"
            + (index + 1)
            + " of the vendor's list was refused: "
            + why
            + ". Nothing was recorded.");
  }
}

package io.claribi.gateway.boundary.mcp;

import io.claribi.gateway.boundary.ToolListing.CallableTool;
import io.claribi.platform.api.Sha256;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The naming rule of {@code /mcp} (docs/mcp.md): {@code <vendor>__<tool>}, or {@code
 * <vendor>__<source>__<tool>} when the organization has several sources of one vendor (connections
 * to it, or uploads), {@code <source>} being the first 8 hexadecimal digits of the source's id
 * (more when those collide). A character MCP does not allow becomes {@code _} and adds a hash of
 * the original name; a name over 128 characters is cut and ends with a hash of the whole. Sorted by
 * name, so the list is the same whenever the tools are.
 */
public final class McpToolNames {

  static final int MAX_LENGTH = 128;
  static final String SEPARATOR = "__";
  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
  private static final Pattern NOT_ALLOWED = Pattern.compile("[^A-Za-z0-9_.-]");

  private McpToolNames() {}

  /** A tool of the organization under its MCP name. */
  public record NamedTool(String name, CallableTool tool) {}

  /** Every tool under its MCP name, in name order; names are unique and valid. */
  public static List<NamedTool> assign(List<CallableTool> tools) {
    Map<String, List<String>> sourcesPerVendor = new HashMap<>();
    for (CallableTool tool : tools) {
      List<String> sources =
          sourcesPerVendor.computeIfAbsent(tool.vendor(), v -> new ArrayList<>());
      if (!sources.contains(tool.sourceId())) {
        sources.add(tool.sourceId());
      }
    }
    List<NamedTool> named = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (CallableTool tool : tools) {
      List<String> sources = sourcesPerVendor.get(tool.vendor());
      String prefix = clean(tool.vendor());
      if (sources.size() > 1) {
        prefix += SEPARATOR + discriminator(tool.sourceId(), sources);
      }
      String name = fit(prefix + SEPARATOR + clean(tool.name()));
      if (!taken.add(name)) { // only cleaned names can collide; the source makes them unique
        name = fit(name + "_" + hash(tool.sourceId() + "/" + tool.name()));
        taken.add(name);
      }
      named.add(new NamedTool(name, tool));
    }
    named.sort(Comparator.comparing(NamedTool::name));
    return List.copyOf(named);
  }

  /** Whether a name is a valid MCP tool name (the 2025-11-25 rule). */
  public static boolean isValid(String name) {
    return name != null && ALLOWED.matcher(name).matches();
  }

  /** The shortest prefix (8 or more) of the source id's hex digits that no other source shares. */
  static String discriminator(String sourceId, List<String> sources) {
    String mine = hexOf(sourceId);
    for (int length = Math.min(8, mine.length()); length < mine.length(); length++) {
      String prefix = mine.substring(0, length);
      if (sources.stream()
          .filter(s -> !s.equals(sourceId))
          .noneMatch(s -> hexOf(s).startsWith(prefix))) {
        return prefix;
      }
    }
    return mine;
  }

  private static String hexOf(String sourceId) {
    String hex = sourceId.toLowerCase(java.util.Locale.ROOT).replaceAll("[^0-9a-f]", "");
    return hex.isEmpty() ? hash(sourceId) : hex;
  }

  static String clean(String part) {
    String cleaned = NOT_ALLOWED.matcher(part).replaceAll("_");
    return cleaned.equals(part) && !part.isEmpty() ? part : cleaned + "_" + hash(part);
  }

  private static String fit(String name) {
    if (name.length() <= MAX_LENGTH) {
      return name;
    }
    String hash = hash(name);
    return name.substring(0, MAX_LENGTH - hash.length() - 1) + "_" + hash;
  }

  private static String hash(String text) {
    return Sha256.hex(text).substring(0, 8);
  }
}

package io.claribi.catalog.boundary.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The part of the review queue the operator looks at, as the page's address says it: {@code
 * vendor=<id>} and {@code state=new|changed}, each optional. An unknown state narrows nothing (the
 * page says so); an unknown vendor narrows the queue to nothing.
 */
record QueueFilter(String vendor, String state, boolean unknownState) {

  static final String NEW = "new";
  static final String CHANGED = "changed";

  static QueueFilter of(String vendor, String state) {
    String v = blankToEmpty(vendor);
    String s = blankToEmpty(state).toLowerCase(Locale.ROOT);
    boolean known = s.isEmpty() || s.equals(NEW) || s.equals(CHANGED);
    return new QueueFilter(v, known ? s : "", !known);
  }

  boolean keeps(QueuedTool tool) {
    return (vendor.isEmpty() || vendor.equals(tool.getVendorId()))
        && (state.isEmpty() || state.equals(CHANGED) == tool.isChanged());
  }

  boolean narrows() {
    return !vendor.isEmpty() || !state.isEmpty();
  }

  /**
   * The query string of the page showing this filter at {@code tool} (a {@link
   * QueuedTool#getKey()}); empty for the whole queue at its first tool.
   */
  String query(Optional<String> tool) {
    StringJoiner query = new StringJoiner("&");
    if (!vendor.isEmpty()) {
      query.add("vendor=" + encode(vendor));
    }
    if (!state.isEmpty()) {
      query.add("state=" + state);
    }
    tool.ifPresent(key -> query.add("tool=" + encode(key)));
    return query.toString();
  }

  /** In words, for the page: "tools", "new tools of Acme Payments (demo)". */
  String describe(List<QueuedTool> queue) {
    String tools =
        switch (state) {
          case NEW -> "new tools";
          case CHANGED -> "tools changed since approval";
          default -> "tools";
        };
    if (vendor.isEmpty()) {
      return tools;
    }
    String name =
        queue.stream()
            .filter(t -> t.getVendorId().equals(vendor))
            .map(QueuedTool::getVendorName)
            .findFirst()
            .orElse(vendor);
    return tools + " of " + name;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String blankToEmpty(String value) {
    return value == null ? "" : value.strip();
  }
}

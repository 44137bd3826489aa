package io.claribi.catalog.boundary.console;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A vendor of the review queue's vendor filter, with how many of its tools wait. */
public final class VendorOption implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String id;
  private final String label;
  private final boolean selected;

  VendorOption(String id, String name, long waiting, boolean selected) {
    this.id = id;
    this.label = name + " (" + waiting + ")";
    this.selected = selected;
  }

  /**
   * One option per vendor with tools in the queue, by label; the selected vendor also when nothing
   * of it waits (the select then still says what the page is filtered by).
   */
  static List<VendorOption> of(List<QueuedTool> queue, String selected) {
    Map<String, List<QueuedTool>> byVendor =
        queue.stream()
            .collect(
                Collectors.groupingBy(
                    QueuedTool::getVendorId, LinkedHashMap::new, Collectors.toList()));
    List<VendorOption> options = new ArrayList<>();
    byVendor.forEach(
        (id, tools) ->
            options.add(
                new VendorOption(
                    id, tools.get(0).getVendorName(), tools.size(), id.equals(selected))));
    options.sort(Comparator.comparing(VendorOption::getLabel));
    if (!selected.isEmpty() && !byVendor.containsKey(selected)) {
      options.add(new VendorOption(selected, selected, 0, true));
    }
    return List.copyOf(options);
  }

  public String getId() {
    return id;
  }

  public String getLabel() {
    return label;
  }

  public boolean isSelected() {
    return selected;
  }
}

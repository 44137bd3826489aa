package io.claribi.catalog.boundary.console;

import java.io.Serializable;

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

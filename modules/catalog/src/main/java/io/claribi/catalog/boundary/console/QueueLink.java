package io.claribi.catalog.boundary.console;

import java.io.Serializable;

/**
 * One tool of the queue in the page's list of the queue: a plain link to it, keeping the filter.
 */
public final class QueueLink implements Serializable {

  private static final long serialVersionUID = 1L;

  private final QueuedTool tool;
  private final String href;
  private final boolean current;

  QueueLink(QueuedTool tool, String href, boolean current) {
    this.tool = tool;
    this.href = href;
    this.current = current;
  }

  public String getName() {
    return tool.getName();
  }

  public String getVendorName() {
    return tool.getVendorName();
  }

  public String getStateLabel() {
    return tool.getStateLabel();
  }

  public String getKey() {
    return tool.getKey();
  }

  public String getHref() {
    return href;
  }

  public boolean isCurrent() {
    return current;
  }
}

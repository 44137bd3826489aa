package io.claribi.catalog.boundary.console;

import io.claribi.catalog.boundary.Browsing;
import io.claribi.platform.api.Roles;
import io.claribi.platform.api.VerifiedCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The menu's "Review queue (17)": how many tools wait for a decision, counted by one query per
 * page, for platform operators only (the template shows them the link). A count that cannot be read
 * leaves the plain label: the menu never fails a page.
 */
@Named
@RequestScoped
public class ReviewQueueCount {

  static final String LABEL = "Review queue";

  private static final Logger LOG = Logger.getLogger(ReviewQueueCount.class.getName());

  @Inject Browsing browsing;
  @Inject VerifiedCaller caller;

  /** The tools waiting, once per request; -1 if they could not be counted (or not an operator). */
  private Long waiting;

  public String getLabel() {
    long count = getWaiting();
    return count < 0 ? LABEL : LABEL + " (" + count + ")";
  }

  /** The number of tools waiting for a decision, for the menu and the operators' Overview. */
  public long getWaiting() {
    if (waiting == null) {
      waiting = count();
    }
    return waiting;
  }

  private long count() {
    if (!caller.isInRole(Roles.PLATFORM_OPERATOR)) {
      return -1;
    }
    try {
      return browsing.awaitingDecision();
    } catch (RuntimeException unread) {
      LOG.log(Level.WARNING, "The review queue could not be counted for the menu", unread);
      return -1;
    }
  }
}

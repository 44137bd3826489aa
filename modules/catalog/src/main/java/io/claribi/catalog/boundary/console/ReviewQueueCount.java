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

  private String label;

  public String getLabel() {
    if (label == null) {
      label = LABEL + count();
    }
    return label;
  }

  private String count() {
    if (!caller.isInRole(Roles.PLATFORM_OPERATOR)) {
      return "";
    }
    try {
      return " (" + browsing.awaitingDecision() + ")";
    } catch (RuntimeException unread) {
      LOG.log(Level.WARNING, "The review queue could not be counted for the menu", unread);
      return "";
    }
  }
}

package io.claribi.gateway.control.mcpclient;

import io.claribi.catalog.api.DiscoveryOutcome;
import io.claribi.credentials.api.Credential;
import io.claribi.platform.api.ProblemException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One session's answer to {@code notifications/tools/list_changed}: a re-listing with a borrowed
 * credential, one at a time. A notice that arrives while one runs makes it run once more after, so
 * the last change is never missed and a chatty vendor cannot start more than one at a time.
 */
final class Relisting {

  private static final Logger LOG = Logger.getLogger(Relisting.class.getName());

  /** Lists the vendor's tools with the lent credential and records them. */
  @FunctionalInterface
  interface Relist {
    DiscoveryOutcome run(Borrowing borrowing, URI server, String vendor, Credential lent);
  }

  private final Borrowing borrowing;
  private final Relist relist;
  private final URI server;
  private final String vendor;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();

  Relisting(Borrowing borrowing, Relist relist, URI server, String vendor) {
    this.borrowing = borrowing;
    this.relist = relist;
    this.server = server;
    this.vendor = vendor;
  }

  void toolsChanged() {
    again.set(true);
    if (running.compareAndSet(false, true)) {
      runOnce();
    }
  }

  private static boolean changed(DiscoveryOutcome outcome) {
    return outcome.added() > 0 || outcome.changed() > 0 || outcome.unlisted() > 0;
  }

  private static boolean expected(Throwable failure) {
    Throwable cause = failure.getCause() == null ? failure : failure.getCause();
    return cause instanceof ProblemException || Borrowing.connectionGone(failure);
  }

  private void runOnce() {
    again.set(false);
    borrowing
        .lend(lent -> relist.run(borrowing, server, vendor, lent))
        .whenComplete(
            (outcome, failure) -> {
              if (failure != null) {
                // Expected when the connection went or its token expired; nothing was sent then.
                LOG.log(
                    expected(failure) ? Level.INFO : Level.WARNING,
                    "Re-listing the tools of {0} after its change notice failed: {1}",
                    new Object[] {vendor, VendorFailures.describe(failure)});
              } else {
                LOG.log(
                    changed(outcome) ? Level.INFO : Level.FINE,
                    "Re-listed the tools of {0} after its change notice: {1}",
                    new Object[] {vendor, outcome});
              }
              running.set(false);
              if (again.get() && running.compareAndSet(false, true)) {
                runOnce();
              }
            });
  }
}

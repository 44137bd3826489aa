package io.claribi.audit.boundary;

import io.claribi.audit.control.EventLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Creates an organization's chain head in a transaction of its own, so that two first events racing
 * each other cost the loser a retry, never the producer's transaction.
 */
@ApplicationScoped
public class ChainStart {

  @Inject EventLog log;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void start() {
    log.startChain();
  }
}

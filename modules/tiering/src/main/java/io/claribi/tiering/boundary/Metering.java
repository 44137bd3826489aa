package io.claribi.tiering.boundary;

import io.claribi.tiering.control.ToolCallMeters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Set;

/**
 * Opens the month's meter stripes in a transaction of its own, so that when two first calls of a
 * month race, the loser's failed insert does not roll back the call's own transaction.
 */
@ApplicationScoped
public class Metering {

  @Inject ToolCallMeters meters;

  @Transactional(TxType.REQUIRES_NEW)
  public void open(String period, Set<Integer> present) {
    meters.openMissing(period, present);
  }
}

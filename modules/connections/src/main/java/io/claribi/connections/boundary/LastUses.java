package io.claribi.connections.boundary;

import io.claribi.connections.api.ConnectionUse;
import io.claribi.connections.control.Connections;
import io.claribi.platform.api.ConnectionId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps each connection's last use for the console, written by the gateway's usage relay in its
 * batch transaction: one locked row per connection per batch, in id order so that two relays never
 * wait on each other in a circle.
 */
@ApplicationScoped
public class LastUses implements ConnectionUse {

  @Inject Connections connections;

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void used(Map<ConnectionId, Instant> lastCalls) {
    Map<ConnectionId, Instant> ordered =
        new TreeMap<>(Comparator.comparing(ConnectionId::toString));
    ordered.putAll(lastCalls);
    ordered.forEach(connections::usedAt);
  }
}

package io.claribi.connections.boundary;

import io.claribi.connections.control.Connections;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Reads of the caller's organization's connections. */
@ApplicationScoped
public class ConnectionReads {

  @Inject Connections connections;

  @Transactional
  public List<ConnectionView> all() {
    Map<ConnectionId, Instant> used = connections.lastUses();
    return connections.all().stream().map(c -> ConnectionView.of(c, used.get(c.id()))).toList();
  }

  @Transactional
  public ConnectionView one(ConnectionId id) {
    return connections
        .find(id)
        .map(c -> ConnectionView.of(c, connections.lastUse(id).orElse(null)))
        .orElseThrow(() -> ProblemException.notFound("Connection " + id));
  }
}

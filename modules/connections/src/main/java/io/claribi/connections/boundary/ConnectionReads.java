package io.claribi.connections.boundary;

import io.claribi.connections.control.Connections;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Reads of the caller's organization's connections. */
@ApplicationScoped
public class ConnectionReads {

  @Inject Connections connections;

  @Transactional
  public List<ConnectionView> all() {
    return connections.all().stream().map(ConnectionView::of).toList();
  }

  @Transactional
  public ConnectionView one(ConnectionId id) {
    return connections
        .find(id)
        .map(ConnectionView::of)
        .orElseThrow(() -> ProblemException.notFound("Connection " + id));
  }
}

package io.claribi.credentials.boundary;

import io.claribi.credentials.api.CredentialUnreadable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the vault's "cannot open" events, as the connections context will observe them. */
@ApplicationScoped
public class UnreadableCredentials {

  private final List<CredentialUnreadable> seen = new CopyOnWriteArrayList<>();

  void record(@Observes CredentialUnreadable event) {
    seen.add(event);
  }

  public List<CredentialUnreadable> seen() {
    return List.copyOf(seen);
  }
}

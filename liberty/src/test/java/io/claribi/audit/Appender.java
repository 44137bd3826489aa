package io.claribi.audit;

import io.claribi.platform.api.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Test only: fires an audit event in a transaction of its own, from any thread. */
@ApplicationScoped
public class Appender {

  @Inject Event<AuditEvent> audit;

  @ActivateRequestContext
  @Transactional
  public void append(AuditEvent event) {
    audit.fire(event);
  }
}

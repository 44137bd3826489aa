package io.claribi.audit.boundary;

import io.claribi.audit.control.Origin;
import io.claribi.platform.api.RequestCorrelation;
import io.claribi.platform.api.VerifiedCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import java.util.UUID;

/** Who is acting now, for the record: the token's subject or {@code system}, and the request. */
@ApplicationScoped
public class CurrentOrigin {

  @Inject VerifiedCaller caller;
  @Inject RequestCorrelation correlation;

  public Origin get() {
    try {
      String actor = caller.isAuthenticated() ? caller.actor() : Origin.SYSTEM;
      return new Origin(actor, correlation.requestId(), correlation.clientAddress().orElse(null));
    } catch (ContextNotActiveException noRequest) {
      return new Origin(Origin.SYSTEM, UUID.randomUUID().toString(), null);
    }
  }
}

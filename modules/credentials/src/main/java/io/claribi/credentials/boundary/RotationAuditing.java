package io.claribi.credentials.boundary;

import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Map;

/**
 * Tells the operators' trail that an operator started a key rotation, and each organization's audit
 * trail that the rotation re-encrypted its credentials. The job runs in the background (and may
 * resume after a restart), so it acts as the system, one organization and one transaction at a
 * time.
 */
@ApplicationScoped
public class RotationAuditing {

  @Inject TenantBinding tenancy;
  @Inject Event<AuditEvent> audit;

  /**
   * An operator started (or resumed) a rotation: recorded in the operators' trail, the trail of the
   * operator's own organization, with the operator as actor.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void started(String run, String keyFingerprint, boolean resumed) {
    audit.fire(
        AuditEvent.of(
            AuditEventType.KEY_ROTATION_STARTED,
            Map.of("run", run, "keyId", keyFingerprint, "resumed", Boolean.toString(resumed))));
  }

  @ActivateRequestContext
  @Transactional(TxType.REQUIRES_NEW)
  public void finished(OrganizationId organization, String keyFingerprint, long reencrypted) {
    try (TenantBinding.OperatorScope system = tenancy.actAsSystemFor(organization)) {
      audit.fire(
          AuditEvent.of(
              AuditEventType.KEY_ROTATION_FINISHED,
              Map.of("keyId", keyFingerprint, "reencrypted", Long.toString(reencrypted))));
    }
  }
}

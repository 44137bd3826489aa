package io.claribi.audit.boundary;

import io.claribi.audit.control.AuditSettings;
import io.claribi.audit.control.EventHash;
import io.claribi.audit.control.Retention;
import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.ProblemException;
import io.claribi.platform.api.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * The operator's retention run for one organization: removes its events older than the configured
 * period and records the run as an event, in one transaction. The only way audit rows are removed.
 */
@ApplicationScoped
public class RetentionJob {

  @Inject Retention retention;
  @Inject AuditSettings settings;
  @Inject TenantBinding tenancy;
  @Inject CurrentOrigin currentOrigin;
  @Inject Clock clock;

  @Transactional
  public RetentionView apply(OrganizationId target) {
    Period period =
        settings
            .retention()
            .orElseThrow(
                () ->
                    new ProblemException(
                        409,
                        "RETENTION_DISABLED",
                        "Retention disabled",
                        "The retention period is 'forever' ("
                            + AuditSettings.RETENTION
                            + "); no event is ever removed."));
    Instant cutoff = clock.instant().atOffset(ZoneOffset.UTC).minus(period).toInstant();
    try (TenantBinding.OperatorScope scope = tenancy.actAsOperatorFor(target)) {
      Retention.Outcome outcome =
          retention.prune(settings.retentionText(), cutoff, currentOrigin.get());
      return new RetentionView(
          target.value(),
          settings.retentionText(),
          EventHash.timestamp(cutoff),
          outcome.removed(),
          outcome.prunedThroughSequence(),
          outcome.prunedThroughHash());
    }
  }
}

package io.claribi.audit.boundary;

import io.claribi.audit.control.Anchor;
import io.claribi.audit.control.AuditSettings;
import io.claribi.audit.control.ChainVerifier;
import io.claribi.audit.control.EventHash;
import io.claribi.audit.entity.RecordedEvent;
import io.claribi.platform.api.OrganizationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Recomputes the caller's whole chain, a chunk at a time, up to the head seen at the start. */
@ApplicationScoped
public class Verification {

  @Inject AuditTrail trail;
  @Inject AuditSettings settings;
  @Inject Clock clock;

  public VerificationView verify() {
    Anchor head = trail.head();
    Anchor anchor = trail.anchor();
    OrganizationId organization = trail.organization();
    ChainVerifier verifier = new ChainVerifier(organization, anchor);
    long after = 0;
    boolean going = true;
    while (going) {
      List<RecordedEvent> chunk = trail.chain(after, head.sequence(), settings.chunkSize());
      for (RecordedEvent event : chunk) {
        going = verifier.accept(event);
        if (!going) {
          break;
        }
        after = event.sequence();
      }
      going &= chunk.size() == settings.chunkSize();
    }
    Optional<ChainVerifier.Break> broken = verifier.finish(head.sequence(), head.hash());
    return new VerificationView(
        broken.isEmpty(),
        organization.value(),
        EventHash.timestamp(clock.instant()),
        verifier.checked(),
        anchor.sequence() + 1,
        verifier.lastSequence(),
        verifier.lastHash(),
        head.sequence(),
        head.hash(),
        broken.map(VerificationView.BrokenLink::of).orElse(null));
  }
}

package io.claribi.connections.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.platform.api.OrganizationId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The trails an operator's curation is appended to, in the order their chain heads are taken: the
 * operators' own among the others by {@link OrganizationId#LOCK_ORDER}, never first by default (the
 * two-node soak found that order deadlocking with the usage relays).
 */
class CurationAuditTest {

  private static OrganizationId org(String id) {
    return new OrganizationId(id);
  }

  @Test
  void the_operators_trail_takes_its_place_in_the_lock_order() {
    List<OrganizationId> trails =
        CurationAudit.trailsInLockOrder(org("soak-b"), List.of(org("soak-c"), org("soak-a")));

    assertThat(trails).containsExactly(org("soak-a"), org("soak-b"), org("soak-c"));
  }

  @Test
  void an_operator_whose_organization_is_connected_gets_the_event_once() {
    List<OrganizationId> trails =
        CurationAudit.trailsInLockOrder(org("ops"), List.of(org("ops"), org("acme")));

    assertThat(trails).containsExactly(org("acme"), org("ops"));
  }

  @Test
  void with_nobody_connected_the_operators_trail_still_gets_it() {
    assertThat(CurationAudit.trailsInLockOrder(org("ops"), List.of())).containsExactly(org("ops"));
  }

  @Test
  void the_order_is_the_ids_code_units_not_a_collation() {
    // a database collation that ignores punctuation would put "a-z" after "ab"; the lock order not
    List<OrganizationId> trails =
        CurationAudit.trailsInLockOrder(org("ab"), List.of(org("a-z"), org("B")));

    assertThat(trails).containsExactly(org("B"), org("a-z"), org("ab"));
  }
}

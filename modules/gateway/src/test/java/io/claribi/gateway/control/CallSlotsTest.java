package io.claribi.gateway.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.RetryLaterException;
import org.junit.jupiter.api.Test;

class CallSlotsTest {

  private static final OrganizationId ACME = new OrganizationId("acme");
  private static final OrganizationId GLOBEX = new OrganizationId("globex");

  private final CallSlots cut = new CallSlots(new CallSlots.Limits(2, 3));

  @Test
  void an_organization_beyond_its_share_is_refused_with_429_and_retry_after() {
    cut.take(ACME, "stripe");
    cut.take(ACME, "hubspot");

    assertThatThrownBy(() -> cut.take(ACME, "jira"))
        .isInstanceOfSatisfying(
            RetryLaterException.class,
            refused -> {
              assertThat(refused.status()).isEqualTo(429);
              assertThat(refused.code()).isEqualTo("TOO_MANY_CONCURRENT_CALLS");
              assertThat(refused.retryAfterSeconds()).hasValue(1);
            });
    assertThat(cut.inUse(ACME)).isEqualTo(2);
    assertThat(cut.take(GLOBEX, "jira")).isNotNull();
  }

  @Test
  void a_vendor_beyond_its_share_is_refused_and_the_organization_slot_given_back() {
    cut.take(ACME, "stripe");
    cut.take(GLOBEX, "stripe");
    cut.take(new OrganizationId("initech"), "stripe");

    assertThatThrownBy(() -> cut.take(ACME, "stripe")).isInstanceOf(RetryLaterException.class);
    assertThat(cut.inUse(ACME)).isEqualTo(1);
    assertThat(cut.take(ACME, "hubspot")).isNotNull();
  }

  @Test
  void a_slot_closed_twice_is_given_back_once() {
    CallSlots.Slot slot = cut.take(ACME, "stripe");
    cut.take(ACME, "stripe");

    slot.close();
    slot.close();

    assertThat(cut.inUse(ACME)).isEqualTo(1);
  }

  @Test
  void a_reservation_takes_one_slot_however_often_admission_runs_and_frees_it_when_closed() {
    try (CallSlots.Reservation reservation = cut.reservation()) {
      reservation.take(ACME, "stripe");
      reservation.take(ACME, "stripe");
      assertThat(cut.inUse(ACME)).isEqualTo(1);
    }
    assertThat(cut.inUse(ACME)).isZero();
  }
}

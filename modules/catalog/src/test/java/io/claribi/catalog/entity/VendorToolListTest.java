package io.claribi.catalog.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.catalog.api.VendorId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VendorToolListTest {

  static final Instant T0 = Instant.parse("2026-12-05T09:00:00Z");

  VendorToolList cut = new VendorToolList(new VendorId("acme-payments"));

  @Test
  void a_list_requested_before_the_one_recorded_is_older_news_and_changes_nothing() {
    assertThat(cut.verified(T0.plusSeconds(10))).isTrue();

    assertThat(cut.verified(T0)).as("requested earlier, arrived later").isFalse();
    assertThat(cut.verifiedAt()).contains(T0.plusSeconds(10));
    assertThat(cut.verified(T0.plusSeconds(20))).isTrue();
    assertThat(cut.verifiedAt()).contains(T0.plusSeconds(20));
  }

  @Test
  void a_failure_is_kept_until_the_next_verification_and_does_not_age_the_list_back() {
    cut.verified(T0);
    cut.failed("VENDOR_UNAVAILABLE", T0.plusSeconds(300));

    assertThat(cut.verifiedAt()).contains(T0);
    assertThat(cut.failure()).contains("VENDOR_UNAVAILABLE");
    cut.verified(T0.plusSeconds(400));
    assertThat(cut.failure()).isEmpty();
    assertThat(cut.failedAt()).isEmpty();
  }

  @Test
  void one_refresh_claim_at_a_time_until_it_expires() {
    assertThat(cut.claimRefresh(T0, T0.plusSeconds(60))).isTrue();
    assertThat(cut.claimRefresh(T0.plusSeconds(30), T0.plusSeconds(90))).isFalse();
    assertThat(cut.claimRefresh(T0.plusSeconds(61), T0.plusSeconds(121))).isTrue();
  }
}

package io.claribi.tiering.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** One stripe of a month's meter counts within its allowance and never loses a count. */
class ToolCallMeterTest {

  @Test
  void a_new_stripe_has_counted_nothing_and_has_no_allowance_until_the_quota_is_split() {
    ToolCallMeter cut = new ToolCallMeter("2027-01", 3);

    assertThat(cut.period()).isEqualTo("2027-01");
    assertThat(cut.stripe()).isEqualTo(3);
    assertThat(cut.calls()).isZero();
    assertThat(cut.allowance()).isZero();
    assertThat(cut.splitLimit()).isZero();
    assertThatThrownBy(cut::count).isInstanceOf(IllegalStateException.class);
    assertThat(cut.calls()).isZero();
  }

  @Test
  void it_counts_up_to_its_allowance_and_not_one_more() {
    ToolCallMeter cut = new ToolCallMeter("2026-11", 0);
    cut.allot(2, 50);

    cut.count();
    cut.count();

    assertThat(cut.calls()).isEqualTo(2);
    assertThat(cut.room()).isZero();
    assertThatThrownBy(cut::count).hasMessageContaining("no room: 2 of 2");
    assertThat(cut.calls()).isEqualTo(2);
  }

  @Test
  void an_allowance_below_what_was_counted_is_refused_and_changes_nothing() {
    ToolCallMeter cut = new ToolCallMeter("2026-11", 0);
    cut.allot(3, 50);
    cut.count();
    cut.count();

    assertThatThrownBy(() -> cut.allot(1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("below the 2 calls counted");
    assertThat(cut.allowance()).isEqualTo(3);
    assertThat(cut.splitLimit()).isEqualTo(50);

    cut.allot(2, 10);
    assertThat(cut.room()).isZero();
    assertThat(cut.splitLimit()).isEqualTo(10);
  }

  @Test
  void a_stripe_belongs_to_one_month_and_is_one_of_sixteen() {
    assertThatThrownBy(() -> new ToolCallMeter(null, 0)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new ToolCallMeter("2027-01", -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ToolCallMeter("2027-01", ToolCallMeter.STRIPES))
        .hasMessage("stripe must be 0..15, was 16");
    assertThat(new ToolCallMeter("2027-01", 15).stripe()).isEqualTo(15);
  }
}

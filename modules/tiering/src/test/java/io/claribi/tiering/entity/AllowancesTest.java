package io.claribi.tiering.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The split of a quota over the stripes keeps every count and never exceeds the quota. */
class AllowancesTest {

  @Property
  void the_allowances_add_up_to_the_quota_or_to_what_was_counted_if_that_is_more(
      @ForAll @Size(min = 1, max = 16) long[] counts,
      @ForAll @LongRange(max = 3_000_000) long limit) {
    long[] calls = Arrays.stream(counts).map(c -> Math.floorMod(c, 1_000_000L)).toArray();

    long[] cut = Allowances.split(calls, limit);

    long counted = Arrays.stream(calls).sum();
    assertThat(Arrays.stream(cut).sum()).isEqualTo(Math.max(counted, limit));
    for (int k = 0; k < calls.length; k++) {
      assertThat(cut[k]).as("stripe %d", k).isGreaterThanOrEqualTo(calls[k]);
    }
  }

  @Property
  void what_is_left_is_shared_evenly(
      @ForAll @Size(min = 1, max = 16) long[] counts,
      @ForAll @LongRange(max = 3_000_000) long limit) {
    long[] calls = Arrays.stream(counts).map(c -> Math.floorMod(c, 1_000L)).toArray();

    long[] cut = Allowances.split(calls, limit);

    long[] rooms = new long[calls.length];
    for (int k = 0; k < calls.length; k++) {
      rooms[k] = cut[k] - calls[k];
    }
    long most = Arrays.stream(rooms).max().orElseThrow();
    long least = Arrays.stream(rooms).min().orElseThrow();
    assertThat(most - least).isLessThanOrEqualTo(1);
  }

  @Test
  void fifty_over_sixteen_stripes_is_four_on_two_and_three_on_fourteen() {
    long[] cut = Allowances.split(new long[16], 50);

    assertThat(cut).startsWith(4, 4, 3).endsWith(3);
    assertThat(Arrays.stream(cut).filter(a -> a == 4).count()).isEqualTo(2);
  }

  @Test
  void a_quota_lowered_below_the_count_leaves_no_stripe_any_room() {
    long[] calls = {5, 0, 7, 1};

    assertThat(Allowances.split(calls, 10)).containsExactly(5, 0, 7, 1);
  }

  @Test
  void a_quota_raised_adds_room_on_top_of_each_count() {
    assertThat(Allowances.split(new long[] {3, 3, 0, 2}, 16)).containsExactly(5, 5, 2, 4);
  }

  @Test
  void nonsense_is_refused() {
    assertThatThrownBy(() -> Allowances.split(new long[0], 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Allowances.split(new long[] {1}, -1))
        .hasMessageContaining("must not be negative");
    assertThatThrownBy(() -> Allowances.split(new long[] {-1}, 5))
        .hasMessageContaining("counts must not be negative");
  }
}

package io.claribi.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

  private final SignInThrottle cut = throttle(3, 5);

  @Test
  void a_name_is_refused_after_its_failures_from_any_address() {
    for (int i = 0; i < 3; i++) {
      assertThat(cut.admit("ada", "10.0.0." + i)).isEmpty();
    }

    assertThat(cut.admit("ADA ", "10.0.0.9")).as("case and blanks do not matter").isPresent();
    assertThat(cut.failures("ada")).isEqualTo(3);
  }

  @Test
  void an_address_is_refused_after_its_failures_with_any_name() {
    for (int i = 0; i < 5; i++) {
      assertThat(cut.admit("name-" + i, "10.0.0.1")).isEmpty();
    }

    assertThat(cut.admit("bea", "10.0.0.1")).isPresent();
    assertThat(cut.admit("bea", "10.0.0.2"))
        .as("the refusal by address did not count against the name")
        .isEmpty();
  }

  @Test
  void a_success_clears_the_name_and_takes_back_the_addresss_attempt() {
    cut.admit("ada", "10.0.0.1");
    cut.admit("ada", "10.0.0.1");
    cut.admit("ada", "10.0.0.1");
    cut.succeeded("ada", "10.0.0.1");
    assertThat(cut.failures("ada")).isZero();

    for (int i = 0; i < 3; i++) {
      assertThat(cut.admit("name-" + i, "10.0.0.1")).as("address attempt " + i).isEmpty();
    }
    assertThat(cut.admit("name-9", "10.0.0.1"))
        .as("two failures and three more: the success was not counted")
        .isPresent();
  }

  @Test
  void an_unchecked_attempt_counts_nowhere() {
    for (int i = 0; i < 10; i++) {
      cut.admit("ada", "10.0.0.1");
      cut.unchecked("ada", "10.0.0.1");
    }

    assertThat(cut.failures("ada")).isZero();
    assertThat(cut.admit("ada", "10.0.0.1")).isEmpty();
  }

  private static SignInThrottle throttle(int perUser, int perAddress) {
    SignInThrottle throttle = new SignInThrottle();
    throttle.maxFailuresPerUser = perUser;
    throttle.maxFailuresPerAddress = perAddress;
    throttle.window = Duration.ofMinutes(1);
    throttle.tracked = 100;
    throttle.start();
    return throttle;
  }
}

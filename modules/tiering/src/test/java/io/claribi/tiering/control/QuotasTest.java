package io.claribi.tiering.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.tiering.api.Plan;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/** Each plan's monthly tool-call quota: the plan's default unless an operator configured one. */
class QuotasTest {

  private static Quotas quotas(Map<String, Long> configured) {
    Quotas cut = new Quotas();
    cut.config =
        (Config)
            Proxy.newProxyInstance(
                Config.class.getClassLoader(),
                new Class<?>[] {Config.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("getOptionalValue") && args[1] == Long.class) {
                    return Optional.ofNullable(configured.get((String) args[0]));
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    return cut;
  }

  @Test
  void without_configuration_each_plan_has_its_documented_quota() {
    Quotas cut = quotas(Map.of());

    assertThat(cut.monthlyToolCalls(Plan.FREE)).isEqualTo(1_000);
    assertThat(cut.monthlyToolCalls(Plan.LITE)).isEqualTo(10_000);
    assertThat(cut.monthlyToolCalls(Plan.TRIAL)).isEqualTo(2_000);
    assertThat(cut.monthlyToolCalls(Plan.STARTER)).isEqualTo(50_000);
    assertThat(cut.monthlyToolCalls(Plan.PROFESSIONAL)).isEqualTo(250_000);
    assertThat(cut.monthlyToolCalls(Plan.ENTERPRISE)).isEqualTo(2_000_000);
  }

  @Test
  void a_configured_quota_replaces_the_default_of_that_plan_only() {
    Quotas cut = quotas(Map.of("claribi.tiering.tool-call-quota.trial", 50L));

    assertThat(cut.monthlyToolCalls(Plan.TRIAL)).isEqualTo(50);
    assertThat(cut.monthlyToolCalls(Plan.STARTER)).isEqualTo(50_000);
  }

  @Test
  void a_quota_of_zero_is_allowed_and_blocks_the_plans_tool_calls() {
    Quotas cut = quotas(Map.of("claribi.tiering.tool-call-quota.free", 0L));

    cut.onStart(null);

    assertThat(cut.monthlyToolCalls(Plan.FREE)).isZero();
  }

  @Test
  void a_negative_quota_stops_the_application_at_start() {
    Quotas cut = quotas(Map.of("claribi.tiering.tool-call-quota.enterprise", -1L));

    assertThatThrownBy(() -> cut.onStart(null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("claribi.tiering.tool-call-quota.enterprise must not be negative: -1");
  }
}

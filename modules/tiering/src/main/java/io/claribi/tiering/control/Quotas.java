package io.claribi.tiering.control;

import io.claribi.tiering.api.Plan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * The monthly tool-call quota of each plan: the plan's default unless configured with {@code
 * claribi.tiering.tool-call-quota.<plan>} (e.g. {@code CLARIBI_TIERING_TOOL_CALL_QUOTA_TRIAL=500}).
 */
@ApplicationScoped
public class Quotas {

  static final String PREFIX = "claribi.tiering.tool-call-quota.";

  @Inject Config config;

  private final Map<Plan, Long> monthlyToolCalls = new EnumMap<>(Plan.class);

  /** A bad value stops the application at start, not at the first call. */
  void onStart(@Observes Startup startup) {
    for (Plan plan : Plan.values()) {
      monthlyToolCalls(plan);
    }
  }

  public long monthlyToolCalls(Plan plan) {
    return monthlyToolCalls.computeIfAbsent(plan, this::configured);
  }

  private long configured(Plan plan) {
    String key = PREFIX + plan.name().toLowerCase(Locale.ROOT);
    long quota = config.getOptionalValue(key, Long.class).orElse(plan.monthlyToolCalls());
    if (quota < 0) {
      throw new IllegalStateException(key + " must not be negative: " + quota);
    }
    return quota;
  }
}

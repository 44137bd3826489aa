package io.claribi.tiering.api;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An organization as its members and other contexts see it: who, which plan, what it includes, and
 * its tool calls this month against the plan's quota.
 */
public record OrganizationView(
    String id,
    String name,
    Plan plan,
    SortedSet<Entitlement> entitlements,
    Instant createdAt,
    ToolCallUsage toolCalls) {

  public OrganizationView(
      String id, String name, Plan plan, Instant createdAt, ToolCallUsage toolCalls) {
    this(id, name, plan, new TreeSet<>(plan.entitlements()), createdAt, toolCalls);
  }

  public OrganizationView {
    entitlements = Collections.unmodifiableSortedSet(new TreeSet<>(Set.copyOf(entitlements)));
  }
}

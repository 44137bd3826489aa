package io.claribi.tiering.api;

import static io.claribi.tiering.api.Entitlement.AUDIT_TRAIL;
import static io.claribi.tiering.api.Entitlement.FILE_UPLOADS;
import static io.claribi.tiering.api.Entitlement.MCP_CATALOG;
import static io.claribi.tiering.api.Entitlement.NATIVE_CONNECTORS;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The plans, in ascending order, and the one table of what each includes (mirrored in {@code
 * docs/plans.md}). The MCP catalog is for paid plans and Trial because the vendor-side cost of an
 * MCP connection grows with use.
 */
public enum Plan {
  FREE(1_000, UploadAllowance.mebibytes(5, 5), NATIVE_CONNECTORS, FILE_UPLOADS),
  LITE(10_000, UploadAllowance.mebibytes(20, 20), NATIVE_CONNECTORS, FILE_UPLOADS),
  TRIAL(2_000, UploadAllowance.mebibytes(20, 20), MCP_CATALOG, NATIVE_CONNECTORS, FILE_UPLOADS),
  STARTER(50_000, UploadAllowance.mebibytes(50, 50), MCP_CATALOG, NATIVE_CONNECTORS, FILE_UPLOADS),
  PROFESSIONAL(
      250_000,
      UploadAllowance.mebibytes(100, 200),
      MCP_CATALOG,
      NATIVE_CONNECTORS,
      FILE_UPLOADS,
      AUDIT_TRAIL),
  ENTERPRISE(
      2_000_000,
      UploadAllowance.mebibytes(200, 1_000),
      MCP_CATALOG,
      NATIVE_CONNECTORS,
      FILE_UPLOADS,
      AUDIT_TRAIL);

  /** The plan of an organization enrolled on its first authenticated request. */
  public static final Plan ON_FIRST_USE = FREE;

  private final Set<Entitlement> entitlements;
  private final long monthlyToolCalls;
  private final UploadAllowance uploads;

  Plan(long monthlyToolCalls, UploadAllowance uploads, Entitlement... entitlements) {
    this.monthlyToolCalls = monthlyToolCalls;
    this.uploads = uploads;
    this.entitlements = Set.copyOf(EnumSet.copyOf(Arrays.asList(entitlements)));
  }

  /**
   * The tool calls an organization on this plan may make per calendar month (UTC), unless an
   * operator configured another quota for the plan ({@code
   * claribi.tiering.tool-call-quota.<plan>}).
   */
  public long monthlyToolCalls() {
    return monthlyToolCalls;
  }

  /** How large each uploaded file may be, and how many files an organization may keep. */
  public UploadAllowance uploads() {
    return uploads;
  }

  public Set<Entitlement> entitlements() {
    return entitlements;
  }

  public boolean includes(Entitlement entitlement) {
    return entitlements.contains(entitlement);
  }

  /** The cheapest plan that includes the entitlement, to name in an upgrade prompt. */
  public static Optional<Plan> lowestWith(Entitlement entitlement) {
    return Arrays.stream(values()).filter(p -> p.includes(entitlement)).findFirst();
  }
}

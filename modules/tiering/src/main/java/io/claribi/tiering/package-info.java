/**
 * Tiering: organizations, their plan (Free, Lite, Trial, Starter, Professional, Enterprise) and
 * what each plan entitles them to.
 *
 * <p>May use: {@code platform}. Other contexts use it through {@code tiering.api} only: {@code
 * Entitlements} for what the caller's plan includes, {@code ToolCallQuota} to count a tool call
 * against the month's quota.
 *
 * <p>Invariants: tenant-scoped (every row carries {@code organization_id}, filtered by EclipseLink
 * multitenancy); an organization unknown on first authenticated use is enrolled on {@code FREE};
 * only a platform operator changes a plan, and every change is kept with who, when and why; a
 * month's tool calls never pass the quota read at call time: each stripe of the meter counts only
 * within its allowance, and the allowances add up to the quota (decision 0038); a usage record is
 * counted into the tool calls per day exactly when the audit trail chains it (decision 0057); an
 * organization has at most one open plan request, closed by the plan change that answers it or by
 * an operator's reasoned decline (decision 0058).
 */
package io.claribi.tiering;

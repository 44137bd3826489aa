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
 * within its allowance, and the allowances add up to the quota (decision 0038).
 */
package io.claribi.tiering;

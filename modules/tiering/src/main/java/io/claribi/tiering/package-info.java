/**
 * Tiering: organizations, their plan (Free, Lite, Trial, Starter, Professional, Enterprise) and
 * what each plan entitles them to.
 *
 * <p>May use: {@code platform}. Other contexts ask it for entitlements through {@code tiering.api}
 * only.
 *
 * <p>Invariants: tenant-scoped (every row carries {@code organization_id}, filtered by EclipseLink
 * multitenancy); an organization unknown on first authenticated use is enrolled on {@code FREE};
 * only a platform operator changes a plan, and every change is kept with who, when and why.
 */
package io.claribi.tiering;

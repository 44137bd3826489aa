package io.claribi.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * The one mechanism that binds an organization to a tenant-scoped EntityManager.
 *
 * <p>Every repository of a tenant-scoped context passes its injected EntityManager through {@link
 * #bind} before each use (an architecture test checks that). The binding is per transaction, as
 * EclipseLink keeps it, so a call outside a transaction is refused instead of silently unbound.
 */
@RequestScoped
public class TenantBinding {

  /** The EclipseLink context property that {@code @TenantDiscriminatorColumn} reads. */
  public static final String PROPERTY = PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT;

  /** The discriminator column that every tenant-scoped table carries, NOT NULL. */
  public static final String COLUMN = "organization_id";

  private VerifiedCaller caller;

  /** Set only while a platform operator acts on another organization. */
  private OrganizationId operatorTarget;

  /**
   * The EntityManagers bound during this request. EclipseLink stamps {@code organization_id} on a
   * new row when it flushes, with the organization bound at that moment, so every one of them is
   * flushed before the binding moves to another organization (a vendor retirement writes to several
   * organizations in one transaction).
   */
  private final Set<EntityManager> bound = Collections.newSetFromMap(new IdentityHashMap<>());

  protected TenantBinding() {
    // for the CDI proxy
  }

  @Inject
  public TenantBinding(VerifiedCaller caller) {
    this.caller = caller;
  }

  /**
   * Binds the organization of the verified caller, or the one a platform operator explicitly acts
   * for inside {@link #actAsOperatorFor}.
   */
  public EntityManager bind(EntityManager em) {
    bindTo(em, organization());
    bound.add(em);
    return em;
  }

  /**
   * The organization that {@link #bind} binds right now: the caller's, or the one a platform
   * operator acts for. Lets a context record which organization a row belongs to (the audit hash
   * chain covers it) without reading the token itself.
   */
  public OrganizationId organization() {
    return operatorTarget != null ? operatorTarget : caller.organization();
  }

  /**
   * Lets a platform operator act on another organization (provisioning, plan changes) until the
   * returned scope is closed. The role is checked here as well as at the resource, so no other
   * caller can reach another organization's rows through this.
   */
  public OperatorScope actAsOperatorFor(OrganizationId target) {
    if (!caller.isInRole(Roles.PLATFORM_OPERATOR)) {
      throw new ProblemException(
          403,
          "FORBIDDEN",
          "Forbidden",
          "Only a platform operator may act on another organization.");
    }
    return switchTo(target);
  }

  /**
   * Lets a background job that no caller started or resumes (key rotation) act on one organization
   * until the returned scope is closed, so what it records lands in that organization's rows with
   * the actor {@code system}. Refused whenever a caller is authenticated: a request acts as its
   * caller, or as an operator through {@link #actAsOperatorFor}. An architecture test names the
   * classes that may call it.
   */
  public OperatorScope actAsSystemFor(OrganizationId target) {
    if (caller.isAuthenticated()) {
      throw new IllegalStateException(
          "A request with a caller cannot act as the system; background jobs only.");
    }
    return switchTo(target);
  }

  private OperatorScope switchTo(OrganizationId target) {
    flushBound();
    operatorTarget = target;
    return () -> {
      flushBound();
      operatorTarget = null;
    };
  }

  /** Writes what was made under the current binding while that binding still holds. */
  private void flushBound() {
    for (EntityManager em : bound) {
      if (em.isOpen() && em.isJoinedToTransaction()) {
        em.flush();
      }
    }
  }

  /** Ends an operator's action on another organization; closing never fails. */
  public interface OperatorScope extends AutoCloseable {
    @Override
    void close();
  }

  static EntityManager bindTo(EntityManager em, OrganizationId organization) {
    if (!em.isJoinedToTransaction()) {
      throw new IllegalStateException(
          "Tenant-scoped persistence needs an active transaction: start it at the boundary facade.");
    }
    em.setProperty(PROPERTY, organization.value());
    return em;
  }
}

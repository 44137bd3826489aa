package io.claribi.tiering.control.violations;

import io.claribi.platform.api.TenantBinding;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Deliberate violation for PersistenceAccessTest: native SQL, which no tenant filter reaches. */
public class NativeQueryRepository {

  @PersistenceContext(unitName = "tiering")
  EntityManager em;

  TenantBinding tenancy;

  public int forgetPlanHistory() {
    return tenancy.bind(em).createNativeQuery("DELETE FROM plan_changes").executeUpdate();
  }
}

package io.claribi.tiering.control;

import io.claribi.platform.api.TenantBinding;
import io.claribi.tiering.entity.ToolCallMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** The bound organization's monthly tool-call meters. */
@ApplicationScoped
public class ToolCallMeters {

  @PersistenceContext(unitName = "tiering")
  EntityManager em;

  @Inject TenantBinding tenancy;

  public Optional<ToolCallMeter> find(String period) {
    return Optional.ofNullable(tenancy.bind(em).find(ToolCallMeter.class, period));
  }

  /** The month's meter, locked until the transaction ends (SELECT ... FOR UPDATE). */
  public Optional<ToolCallMeter> lock(String period) {
    return Optional.ofNullable(
        tenancy.bind(em).find(ToolCallMeter.class, period, LockModeType.PESSIMISTIC_WRITE));
  }

  /** Stores a new meter now, so that a concurrent first call of the month fails here. */
  public void open(String period) {
    EntityManager bound = tenancy.bind(em);
    bound.persist(new ToolCallMeter(period));
    bound.flush();
  }
}

package io.claribi.tiering.control;

import io.claribi.platform.api.TenantBinding;
import io.claribi.tiering.entity.DailyToolCalls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;

/** The bound organization's tool calls per day, connection and tool. */
@ApplicationScoped
public class ToolCallTallies {

  @PersistenceContext(unitName = "tiering")
  EntityManager em;

  @Inject TenantBinding tenancy;

  /**
   * Counts one call. Within a transaction the row stays managed, so a batch of usage records adds
   * up in memory and writes each row once, at commit.
   */
  public void countOne(LocalDate day, String connection, String vendor, String tool) {
    DailyToolCalls.Key key = new DailyToolCalls.Key(day, connection, tool);
    EntityManager bound = tenancy.bind(em);
    DailyToolCalls counted = bound.find(DailyToolCalls.class, key);
    if (counted == null) {
      bound.persist(new DailyToolCalls(key, vendor));
    } else {
      counted.countOne();
    }
  }

  /** Every count from {@code first} to {@code last}, both included, by day, connection, tool. */
  public List<DailyToolCalls> between(LocalDate first, LocalDate last) {
    return tenancy
        .bind(em)
        .createNamedQuery(DailyToolCalls.BETWEEN, DailyToolCalls.class)
        .setParameter("first", first)
        .setParameter("last", last)
        .getResultList();
  }
}

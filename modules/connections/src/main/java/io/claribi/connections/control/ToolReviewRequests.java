package io.claribi.connections.control;

import io.claribi.connections.entity.ToolReviewRequest;
import io.claribi.platform.api.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** The bound organization's requests for a tool review, one per vendor (decision 60). */
@ApplicationScoped
public class ToolReviewRequests {

  @PersistenceContext(unitName = "connections")
  EntityManager em;

  @Inject TenantBinding tenancy;

  public Optional<ToolReviewRequest> ofVendor(String vendor) {
    return tenancy
        .bind(em)
        .createNamedQuery(ToolReviewRequest.OF_VENDOR, ToolReviewRequest.class)
        .setParameter("vendor", vendor)
        .getResultStream()
        .findFirst();
  }

  /**
   * Adds a request and writes it at once, so that two admins asking at once for the same vendor
   * meet at the unique constraint here rather than at commit.
   */
  public void add(ToolReviewRequest request) {
    EntityManager bound = tenancy.bind(em);
    bound.persist(request);
    bound.flush();
  }
}

package io.claribi.catalog.control;

import io.claribi.catalog.entity.CatalogFileLoad;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Which catalog file versions this database has applied. */
@ApplicationScoped
public class CatalogFileLoads {

  @PersistenceContext(unitName = "catalog")
  EntityManager em;

  public Optional<Integer> newest() {
    return Optional.ofNullable(
        em.createNamedQuery(CatalogFileLoad.NEWEST, Integer.class).getSingleResult());
  }

  /** Claims a version now: a second node applying the same version at once fails here. */
  public CatalogFileLoad claim(CatalogFileLoad load) {
    em.persist(load);
    em.flush();
    return load;
  }
}

package io.claribi.catalog.control;

import io.claribi.catalog.entity.OAuthClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** clariBI's registrations with vendor authorization servers, one per issuer. Global rows. */
@ApplicationScoped
public class OAuthClients {

  @PersistenceContext(unitName = "catalog")
  EntityManager em;

  public Optional<OAuthClient> of(String issuer) {
    return Optional.ofNullable(em.find(OAuthClient.class, OAuthClient.hash(issuer)));
  }

  public List<OAuthClient> all() {
    return em.createNamedQuery(OAuthClient.ALL, OAuthClient.class).getResultList();
  }

  /** Forgets a registration: the next connect to its issuer registers again. */
  public void remove(OAuthClient client) {
    em.remove(client);
  }

  /** Stores a new registration now, so that a concurrent one for the same issuer fails here. */
  public OAuthClient add(OAuthClient client) {
    em.persist(client);
    em.flush();
    return client;
  }
}

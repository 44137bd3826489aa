package io.claribi.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claribi.platform.control.SchemaMigration;
import io.claribi.testing.InContainerWar;
import io.claribi.tiering.api.Plan;
import io.claribi.tiering.boundary.OrganizationPlans;
import io.claribi.tiering.entity.Organization;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tenant binding inside Liberty: container-managed JTA transactions and the injected,
 * transaction-scoped EntityManager, on the configured database (Derby or PostgreSQL).
 */
@ExtendWith(ArquillianExtension.class)
class TenantBindingContainerIT {

  @Deployment
  static WebArchive deployment() {
    return InContainerWar.scanned(
            ShrinkWrap.create(ZipImporter.class, "tenancy-it.war")
                .importFrom(new File("target/claribi.war"))
                .as(WebArchive.class))
        .addClass(InContainerWar.class)
        .addClasses(TenantBindingContainerIT.class, EntityManagers.class);
  }

  /** Container-managed injection of the persistence context reaches tests through CDI. */
  @Dependent
  static class EntityManagers {
    @Produces
    @PersistenceContext(unitName = "tiering")
    EntityManager tiering;
  }

  @Inject EntityManager em;

  @Inject UserTransaction tx;

  @Inject OrganizationPlans tiering;

  @Test
  void a_row_written_for_one_organization_is_invisible_to_another() throws Exception {
    OrganizationId a = fresh("ctr-a");
    OrganizationId b = fresh("ctr-b");
    inTransaction(a, () -> em.persist(new Organization(a, "A", Plan.TRIAL, Instant.now())));
    inTransaction(b, () -> em.persist(new Organization(b, "B", Plan.FREE, Instant.now())));

    inTransaction(
        b,
        () -> {
          assertNull(em.find(Organization.class, a.value()));
          assertEquals(
              1, em.createNamedQuery(Organization.ALL, Organization.class).getResultList().size());
        });
    inTransaction(a, () -> assertNotNull(em.find(Organization.class, a.value())));
    assertEquals(a.value(), storedTenantOf(a));
  }

  @Test
  void the_binding_ends_with_its_transaction_and_an_unbound_read_fails() throws Exception {
    OrganizationId a = fresh("ctr-a");
    inTransaction(a, () -> em.persist(new Organization(a, "A", Plan.TRIAL, Instant.now())));

    tx.begin();
    try {
      assertThrows(
          PersistenceException.class,
          () -> em.createNamedQuery(Organization.ALL, Organization.class).getResultList());
    } finally {
      tx.rollback();
    }
  }

  @Test
  void an_unbound_write_fails_at_commit_and_stores_nothing() throws Exception {
    OrganizationId orphan = fresh("ctr-orphan");

    tx.begin();
    em.persist(new Organization(orphan, "orphan", Plan.FREE, Instant.now()));
    Exception failure = assertThrows(Exception.class, () -> tx.commit());

    assertTrue(hasCause(failure, NoOrganizationBoundException.class), () -> "cause: " + failure);
    assertNull(storedTenantOf(orphan));
  }

  @Test
  void a_rolled_back_transaction_leaves_no_row() throws Exception {
    OrganizationId a = fresh("ctr-rollback");

    tx.begin();
    TenantBinding.bindTo(em, a).persist(new Organization(a, "A", Plan.FREE, Instant.now()));
    em.flush();
    tx.rollback();

    assertNull(storedTenantOf(a));
  }

  @Test
  void the_facade_without_a_verified_organization_refuses_and_enrols_nobody() {
    assertThrows(NoOrganizationBoundException.class, () -> tiering.currentOrganization());
  }

  private void inTransaction(OrganizationId organization, Runnable work) throws Exception {
    tx.begin();
    try {
      TenantBinding.bindTo(em, organization);
      work.run();
      tx.commit();
    } catch (Exception | Error e) {
      tx.rollback();
      throw e;
    }
  }

  /** Reads past the tenant filter, as only a test may, to see what was really stored. */
  private String storedTenantOf(OrganizationId id) throws Exception {
    DataSource dataSource = InitialContext.doLookup(SchemaMigration.DATA_SOURCE);
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT organization_id FROM organizations WHERE id = ?")) {
      s.setString(1, id.value());
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static OrganizationId fresh(String prefix) {
    return new OrganizationId(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
  }
}

package io.claribi.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The binding on a real EclipseLink and Derby: what is stored, what is seen, what is refused. */
class TenantBindingTest {

  private static final String URL = "jdbc:derby:memory:tenancy;create=true";
  private static EntityManagerFactory emf;

  private EntityManager em;

  @BeforeAll
  static void createSchema() throws SQLException {
    try (Connection c = DriverManager.getConnection(URL);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE notes (id VARCHAR(36) PRIMARY KEY,"
              + " organization_id VARCHAR(64) NOT NULL, text VARCHAR(200))");
    }
    emf = Persistence.createEntityManagerFactory("tenancy-test");
  }

  @AfterAll
  static void close() {
    emf.close();
  }

  @BeforeEach
  void open() {
    em = emf.createEntityManager();
  }

  @AfterEach
  void cleanUp() throws SQLException {
    if (em.getTransaction().isActive()) {
      em.getTransaction().rollback();
    }
    em.close();
    try (Connection c = DriverManager.getConnection(URL);
        Statement s = c.createStatement()) {
      s.execute("DELETE FROM notes");
    }
  }

  @Test
  void stores_the_callers_organization_from_the_token() throws SQLException {
    inTransaction(callerOf("acme"), bound -> bound.persist(new Note("n1", "hello")));

    assertThat(storedOrganizations()).containsExactly("acme");
  }

  @Test
  void another_organizations_row_is_invisible_by_id_and_by_query() {
    inTransaction(callerOf("acme"), bound -> bound.persist(new Note("n1", "acme's")));

    inTransaction(
        callerOf("beta"),
        bound -> {
          assertThat(bound.find(Note.class, "n1")).isNull();
          assertThat(bound.createQuery("SELECT n FROM Note n", Note.class).getResultList())
              .isEmpty();
        });
    inTransaction(
        callerOf("acme"),
        bound -> assertThat(bound.find(Note.class, "n1").text()).isEqualTo("acme's"));
  }

  @Test
  void a_write_without_a_bound_organization_fails_and_stores_nothing() throws SQLException {
    em.getTransaction().begin();
    em.persist(new Note("n2", "orphan"));

    assertThatThrownBy(() -> em.getTransaction().commit())
        .hasRootCauseInstanceOf(NoOrganizationBoundException.class)
        .rootCause()
        .hasMessageContaining("no organization is bound");
    assertThat(storedOrganizations()).isEmpty();
  }

  @Test
  void a_read_without_a_bound_organization_fails() {
    em.getTransaction().begin();

    assertThatThrownBy(() -> em.createQuery("SELECT n FROM Note n", Note.class).getResultList())
        .isInstanceOf(PersistenceException.class)
        .hasMessageContaining("6174");
  }

  @Test
  void a_caller_without_an_organization_claim_cannot_bind() {
    em.getTransaction().begin();
    TenantBinding cut =
        new TenantBinding(new VerifiedCaller(ClaimsToken.of("bob", null, "org-admin")));

    assertThatThrownBy(() -> cut.bind(em))
        .isInstanceOf(NoOrganizationBoundException.class)
        .extracting(e -> ((ProblemException) e).status())
        .isEqualTo(401);
  }

  @Test
  void binding_outside_a_transaction_is_refused() {
    TenantBinding cut = callerOf("acme");

    assertThatThrownBy(() -> cut.bind(em)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void only_a_platform_operator_acts_for_another_organization() {
    TenantBinding admin =
        new TenantBinding(new VerifiedCaller(ClaimsToken.of("a", "acme", "org-admin")));

    assertThatThrownBy(() -> admin.actAsOperatorFor(new OrganizationId("beta")))
        .isInstanceOf(ProblemException.class)
        .extracting(e -> ((ProblemException) e).code())
        .isEqualTo("FORBIDDEN");
  }

  @Test
  void an_operator_acts_for_the_named_organization_until_the_scope_closes() throws SQLException {
    TenantBinding cut =
        new TenantBinding(new VerifiedCaller(ClaimsToken.of("op", "ops", Roles.PLATFORM_OPERATOR)));

    try (TenantBinding.OperatorScope scope = cut.actAsOperatorFor(new OrganizationId("beta"))) {
      inTransaction(cut, bound -> bound.persist(new Note("n3", "for beta")));
    }
    inTransaction(cut, bound -> bound.persist(new Note("n4", "for ops")));

    assertThat(storedOrganizations()).containsExactlyInAnyOrder("beta", "ops");
  }

  private void inTransaction(
      TenantBinding binding, java.util.function.Consumer<EntityManager> work) {
    EntityManager local = emf.createEntityManager();
    try {
      local.getTransaction().begin();
      work.accept(binding.bind(local));
      local.getTransaction().commit();
    } finally {
      local.close();
    }
  }

  private static TenantBinding callerOf(String org) {
    return new TenantBinding(
        new VerifiedCaller(ClaimsToken.of("user@" + org, org, Roles.ORG_ADMIN)));
  }

  private static List<String> storedOrganizations() throws SQLException {
    List<String> organizations = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(URL);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT organization_id FROM notes")) {
      while (rs.next()) {
        organizations.add(rs.getString(1));
      }
    }
    return organizations;
  }
}

package io.claribi.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.claribi.catalog.control.ToolNameKeys;
import io.claribi.connections.control.ConnectionLock;
import io.claribi.connections.control.CrossTenantConnections;
import io.claribi.credentials.control.RotationLedger;
import io.claribi.gateway.control.SetAsideUsage;
import io.claribi.gateway.control.UsageOutbox;
import io.claribi.platform.api.TenantBinding;
import io.claribi.platform.control.SchemaMigration;
import io.claribi.platform.control.violations.JdbcStatementRunner;
import io.claribi.tiering.boundary.violations.ResourceWithEntityManager;
import io.claribi.tiering.control.CrossTenantOrganizations;
import io.claribi.tiering.control.violations.NativeQueryRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may talk to the database, and in which language. */
@AnalyzeClasses(packages = Contexts.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class PersistenceAccessTest {

  private static final Set<String> STATEMENT_FACTORIES =
      Set.of("prepareStatement", "createStatement", "prepareCall");

  private static final DescribedPredicate<JavaMethodCall> NATIVE_QUERY =
      describe(
          "EntityManager.createNativeQuery",
          call ->
              call.getName().equals("createNativeQuery")
                  && call.getTargetOwner().isAssignableTo(EntityManager.class));

  private static final DescribedPredicate<JavaMethodCall> JDBC_STATEMENT =
      describe(
          "a JDBC Statement or Connection.prepareStatement|createStatement|prepareCall",
          call ->
              call.getTargetOwner().isAssignableTo(Statement.class)
                  || call.getTargetOwner().isAssignableTo(Connection.class)
                      && STATEMENT_FACTORIES.contains(call.getName()));

  /** Package-private on purpose: named here, not imported. */
  private static final String UPLOADS_DUCKDB = "io.claribi.uploads.control.duckdb.LockedDownDuckDb";

  @ArchTest
  static final ArchRule only_control_and_tenant_binding_use_the_entity_manager =
      noClasses()
          .that()
          .resideOutsideOfPackage("..control..")
          .and()
          .doNotHaveFullyQualifiedName(TenantBinding.class.getName())
          .should()
          .dependOnClassesThat(
              assignableTo(EntityManager.class).or(assignableTo(EntityManagerFactory.class)))
          .because(
              "repositories in control are the only places that query, and each binds the"
                  + " organization through TenantBinding first; an EntityManager anywhere else is"
                  + " a way around the tenant filter");

  @ArchTest
  static final ArchRule no_class_creates_native_queries =
      noClasses()
          .should()
          .callMethodWhere(NATIVE_QUERY)
          .because(
              "EclipseLink adds the organization_id filter to JPQL and named queries only; native"
                  + " SQL would read and write every organization's rows");

  @ArchTest
  static final ArchRule only_schema_migration_runs_jdbc_statements =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName(SchemaMigration.class.getName())
          .and()
          .doNotHaveFullyQualifiedName(RotationLedger.class.getName())
          .and()
          .doNotHaveFullyQualifiedName(CrossTenantConnections.class.getName())
          .and()
          .doNotHaveFullyQualifiedName(CrossTenantOrganizations.class.getName())
          .and()
          .doNotHaveFullyQualifiedName(ConnectionLock.class.getName())
          .and()
          .doNotHaveFullyQualifiedName(SetAsideUsage.class.getName())
          .and()
          .doNotHaveFullyQualifiedName(UsageOutbox.class.getName())
          .and()
          .doNotHaveFullyQualifiedName(UPLOADS_DUCKDB)
          .and()
          .doNotHaveFullyQualifiedName(ToolNameKeys.class.getName())
          .should()
          .callMethodWhere(JDBC_STATEMENT)
          .because(
              "SQL outside JPA escapes the tenant filter; only the Liquibase migrations run SQL"
                  + " (with ToolNameKeys, a migration step on the global catalog table),"
                  + " key rotation re-encrypts every organization's ciphertext (and nothing else),"
                  + " retiring a vendor asks which organizations are connected to it,"
                  + " an operator lists the organizations to set their plans (ids, names, plans),"
                  + " a vendor call takes a shared lock on its connection row (JPA has none),"
                  + " usage records the audit trail refused are kept for the operator's view"
                  + " across organizations, usage records wait in an outbox that the relay reads"
                  + " across organizations (decision 36),"
                  + " readiness only asks the connection whether it is valid, and an upload is"
                  + " queried in its own locked-down in-memory DuckDB, never the application's"
                  + " database (decision 23)");

  @Test
  void an_entity_manager_in_a_resource_breaks_the_rule() {
    var classes = new ClassFileImporter().importClasses(ResourceWithEntityManager.class);

    Violations.assertRuleCatches(
        only_control_and_tenant_binding_use_the_entity_manager,
        classes,
        ResourceWithEntityManager.class.getName());
  }

  @Test
  void a_native_query_breaks_the_rule() {
    var classes = new ClassFileImporter().importClasses(NativeQueryRepository.class);

    Violations.assertRuleCatches(
        no_class_creates_native_queries, classes, NativeQueryRepository.class.getName());
  }

  @Test
  void a_jdbc_statement_outside_schema_migration_breaks_the_rule() {
    var classes = new ClassFileImporter().importClasses(JdbcStatementRunner.class);

    Violations.assertRuleCatches(
        only_schema_migration_runs_jdbc_statements, classes, JdbcStatementRunner.class.getName());
  }
}

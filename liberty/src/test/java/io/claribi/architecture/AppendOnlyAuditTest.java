package io.claribi.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.claribi.audit.control.Retention;
import io.claribi.audit.control.violations.EventEraser;
import io.claribi.connections.entity.violations.AuditRowWithSetter;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Table;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The audit trail is append-only: nothing updates an event, and only the retention job removes
 * events. Together with PersistenceAccessTest (no JDBC, no native SQL) this leaves no code path
 * that rewrites or deletes an audit row; on PostgreSQL the grants say the same again.
 */
@AnalyzeClasses(packages = Contexts.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class AppendOnlyAuditTest {

  static final Set<String> AUDIT_TABLES = Set.of("audit_events", "audit_chain_heads");

  private static final DescribedPredicate<JavaMethodCall> REMOVES_OR_REWRITES =
      describe(
          "EntityManager.remove|merge or Query.executeUpdate",
          call ->
              call.getTargetOwner().isAssignableTo(EntityManager.class)
                      && Set.of("remove", "merge").contains(call.getName())
                  || call.getTargetOwner().isAssignableTo(Query.class)
                      && call.getName().equals("executeUpdate"));

  private static final DescribedPredicate<JavaClass> MAP_AN_AUDIT_TABLE =
      describe(
          "map an audit table",
          type ->
              type.tryGetAnnotationOfType(Table.class)
                  .map(table -> AUDIT_TABLES.contains(table.name().toLowerCase()))
                  .orElse(false));

  private static final DescribedPredicate<JavaFieldAccess> AUDIT_EVENT_FIELD_SET_LATER =
      describe(
          "a field of an audit_events entity outside its constructor",
          access ->
              access.getAccessType() == JavaFieldAccess.AccessType.SET
                  && !access.getOrigin().isConstructor()
                  && access
                      .getTargetOwner()
                      .tryGetAnnotationOfType(Table.class)
                      .map(table -> table.name().equalsIgnoreCase("audit_events"))
                      .orElse(false));

  @ArchTest
  static final ArchRule only_the_retention_job_removes_audit_events =
      noClasses()
          .that()
          .resideInAPackage("io.claribi.audit..")
          .and()
          .doNotHaveFullyQualifiedName(Retention.class.getName())
          .should()
          .callMethodWhere(REMOVES_OR_REWRITES)
          .because(
              "an audit event is written once; only the operator's retention job removes old"
                  + " events, and it records that it did");

  @ArchTest
  static final ArchRule audit_events_are_set_only_by_their_constructor =
      noClasses()
          .should()
          .setFieldWhere(AUDIT_EVENT_FIELD_SET_LATER)
          .because("a stored event never changes: no setter, no method that edits a field");

  @ArchTest
  static final ArchRule only_the_audit_context_maps_the_audit_tables =
      classes()
          .that(MAP_AN_AUDIT_TABLE)
          .should()
          .resideInAPackage("io.claribi.audit.entity")
          .because("an entity elsewhere mapped to audit_events would be a second way to change it");

  @Test
  void removing_or_rewriting_events_outside_the_retention_job_breaks_the_rule() {
    var classes = new ClassFileImporter().importClasses(EventEraser.class);

    Violations.assertRuleCatches(
        only_the_retention_job_removes_audit_events,
        classes,
        EventEraser.class.getName() + ".forget(");
    Violations.assertRuleCatches(
        only_the_retention_job_removes_audit_events,
        classes,
        EventEraser.class.getName() + ".rewriteActors(");
  }

  @Test
  void a_setter_on_an_audit_event_breaks_the_rule() {
    var classes = new ClassFileImporter().importClasses(AuditRowWithSetter.class);

    Violations.assertRuleCatches(
        audit_events_are_set_only_by_their_constructor,
        classes,
        AuditRowWithSetter.class.getName() + ".setActor(");
  }

  @Test
  void another_context_mapping_the_audit_table_breaks_the_rule() {
    var classes = new ClassFileImporter().importClasses(AuditRowWithSetter.class);

    Violations.assertRuleCatches(
        only_the_audit_context_maps_the_audit_tables, classes, AuditRowWithSetter.class.getName());
  }
}

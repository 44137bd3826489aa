package io.claribi.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.claribi.credentials.entity.violations.SecretWithTenantIdColumn;
import io.claribi.credentials.entity.violations.UnscopedSecret;
import io.claribi.platform.api.TenantBinding;
import io.claribi.tiering.control.violations.PartlyBoundRepository;
import io.claribi.tiering.control.violations.UnboundRepository;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.junit.jupiter.api.Test;

/** Every row of a tenant-scoped context belongs to one organization, and every query says which. */
@AnalyzeClasses(packages = Contexts.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class TenantScopingTest {

  private static final DescribedPredicate<JavaAnnotation<?>> ORGANIZATION_ID_DISCRIMINATOR =
      describe(
          "@TenantDiscriminatorColumn(name = \"" + TenantBinding.COLUMN + "\")",
          annotation ->
              annotation.getRawType().isEquivalentTo(TenantDiscriminatorColumn.class)
                  && annotation.get("name").filter(TenantBinding.COLUMN::equals).isPresent());

  private static final DescribedPredicate<JavaClass> HAVE_AN_ENTITY_MANAGER_FIELD =
      describe(
          "have an EntityManager field",
          type ->
              type.getFields().stream()
                  .anyMatch(f -> f.getRawType().isAssignableTo(EntityManager.class)));

  @ArchTest
  static final ArchRule tenant_scoped_entities_are_multitenant_by_organization =
      classes()
          .that()
          .areAnnotatedWith(Entity.class)
          .and()
          .resideInAnyPackage(Contexts.TENANT_SCOPED)
          .should()
          .beAnnotatedWith(Multitenant.class)
          .andShould()
          .beAnnotatedWith(ORGANIZATION_ID_DISCRIMINATOR)
          .because(
              "EclipseLink filters reads and stamps writes by organization_id only for multitenant"
                  + " entities; catalog rows are global and exempt");

  @ArchTest
  static final ArchRule tenant_scoped_repositories_bind_the_organization =
      classes()
          .that()
          .resideInAnyPackage(Contexts.TENANT_SCOPED)
          .and(HAVE_AN_ENTITY_MANAGER_FIELD)
          .should(BindTheOrganization.beforeUsingTheirEntityManager())
          .because(
              "an EntityManager without a bound organization fails reads and, but for TenantGuard,"
                  + " would write organization_id = NULL; TenantBinding.bind is the one binding");

  @Test
  void an_entity_without_multitenancy_breaks_the_rule() {
    var classes = new ClassFileImporter().importClasses(UnscopedSecret.class);

    Violations.assertRuleCatches(
        tenant_scoped_entities_are_multitenant_by_organization,
        classes,
        UnscopedSecret.class.getName());
  }

  @Test
  void a_discriminator_other_than_organization_id_breaks_the_rule() {
    var classes = new ClassFileImporter().importClasses(SecretWithTenantIdColumn.class);

    Violations.assertRuleCatches(
        tenant_scoped_entities_are_multitenant_by_organization,
        classes,
        SecretWithTenantIdColumn.class.getName());
  }

  @Test
  void a_repository_that_never_binds_breaks_the_rule() {
    var classes = new ClassFileImporter().importClasses(UnboundRepository.class);

    Violations.assertRuleCatches(
        tenant_scoped_repositories_bind_the_organization,
        classes,
        UnboundRepository.class.getName());
  }

  @Test
  void a_method_that_skips_the_binding_breaks_the_rule() {
    var classes = new ClassFileImporter().importClasses(PartlyBoundRepository.class);

    Violations.assertRuleCatches(
        tenant_scoped_repositories_bind_the_organization,
        classes,
        PartlyBoundRepository.class.getName() + ".count()");
  }
}

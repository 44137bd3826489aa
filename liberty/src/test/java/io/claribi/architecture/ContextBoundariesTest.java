package io.claribi.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.library.modules.syntax.ModuleRuleDefinition.modules;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.claribi.audit.violations.AuditCallingCatalog;
import io.claribi.audit.violations.AuditReadingTieringInternals;
import io.claribi.catalog.violations.CatalogCallingAudit;
import io.claribi.tiering.boundary.violations.ResourceMintingDevTokens;
import io.claribi.tiering.control.Organizations;
import org.junit.jupiter.api.Test;

/** Contexts (and the WAR's {@code app} package) meet only at each other's {@code api} package. */
@AnalyzeClasses(packages = Contexts.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ContextBoundariesTest {

  @ArchTest
  static final ArchRule contexts_are_free_of_cycles =
      slices()
          .matching(Contexts.CONTEXT)
          .should()
          .beFreeOfCycles()
          .because("contexts that need each other both ways are one context split over two jars");

  @ArchTest
  static final ArchRule contexts_use_each_other_only_through_their_api =
      modules()
          .definedByPackages(Contexts.CONTEXT)
          .should()
          .onlyDependOnEachOtherThroughClassesThat()
          .resideInAPackage("io.claribi.*.api..")
          .because(
              "a context's api package is its contract; boundary, control and entity may change"
                  + " without telling anyone (platform's boundary providers are found by scanning,"
                  + " not imported)");

  @ArchTest
  static final ArchRule no_product_class_uses_dev_tokens =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.claribi.devtokens..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.claribi.devtokens..")
          .because("dev tokens are signed with a throw-away key that production must never trust");

  @Test
  void a_cycle_between_contexts_breaks_the_rule() {
    var classes =
        new ClassFileImporter().importClasses(CatalogCallingAudit.class, AuditCallingCatalog.class);

    Violations.assertRuleCatches(
        contexts_are_free_of_cycles, classes, CatalogCallingAudit.class.getName());
  }

  @Test
  void using_another_contexts_control_package_breaks_the_rule() {
    var classes =
        new ClassFileImporter()
            .importClasses(AuditReadingTieringInternals.class, Organizations.class);

    Violations.assertRuleCatches(
        contexts_use_each_other_only_through_their_api,
        classes,
        AuditReadingTieringInternals.class.getName());
  }

  @Test
  void product_code_minting_dev_tokens_breaks_the_rule() {
    var classes = new ClassFileImporter().importClasses(ResourceMintingDevTokens.class);

    Violations.assertRuleCatches(
        no_product_class_uses_dev_tokens, classes, ResourceMintingDevTokens.class.getName());
  }
}

package io.claribi.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.claribi.uploads.violations.UploadsClassShippedByTheWar;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One bounded context per Maven module: every class of {@code io.claribi.<context>} is compiled by
 * that context's module, so a module's jar is the whole context and nothing else, and its
 * dependencies in the POM are the context's.
 */
@AnalyzeClasses(packages = Contexts.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ModulePerContextTest {

  /** A context's top package, and the directory of its module (the WAR's {@code app}: liberty). */
  static final Map<String, String> MODULES =
      Map.ofEntries(
          Map.entry("platform", "modules/platform"),
          Map.entry("tiering", "modules/tiering"),
          Map.entry("catalog", "modules/catalog"),
          Map.entry("credentials", "modules/credentials"),
          Map.entry("uploads", "modules/uploads"),
          Map.entry("connections", "modules/connections"),
          Map.entry("gateway", "modules/gateway"),
          Map.entry("audit", "modules/audit"),
          Map.entry("devtokens", "modules/dev-tokens"),
          Map.entry("demovendor", "modules/demo-vendor"),
          Map.entry("app", "liberty"));

  @ArchTest
  static final ArchRule each_context_is_compiled_by_its_own_module =
      classes()
          .that()
          .resideInAPackage(Contexts.ROOT + "..")
          .should(comeFromTheModuleOfTheirContext())
          .because(
              "a context split over two modules, or two contexts in one, would let a module's"
                  + " dependencies and the ArchUnit module rules disagree about what a context is");

  private static ArchCondition<JavaClass> comeFromTheModuleOfTheirContext() {
    return new ArchCondition<>("be compiled by the module of their context") {
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        String packageName = javaClass.getPackageName();
        String rest =
            packageName.length() > Contexts.ROOT.length()
                ? packageName.substring(Contexts.ROOT.length() + 1)
                : "";
        String context = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
        String module = MODULES.get(context);
        String location =
            javaClass.getSource().map(source -> source.getUri().toString()).orElse("unknown");
        // Inside the reactor a module is its target/classes; outside, its installed jar.
        boolean fromModule =
            module != null
                && (location.contains("/" + module + "/target/classes/")
                    || location.contains(
                        "/claribi-" + module.substring(module.indexOf('/') + 1) + "-"));
        String message =
            javaClass.getName()
                + (module == null
                    ? " belongs to no known context"
                    : " should come from " + module + " but comes from " + location);
        events.add(new SimpleConditionEvent(javaClass, fromModule, message));
      }
    };
  }

  @Test
  void a_class_of_one_context_compiled_by_another_module_breaks_the_rule() {
    var classes = new ClassFileImporter().importClasses(UploadsClassShippedByTheWar.class);

    Violations.assertRuleCatches(
        each_context_is_compiled_by_its_own_module,
        classes,
        UploadsClassShippedByTheWar.class.getName());
  }
}

package io.claribi.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.claribi.architecture.violations.JsonLookedUpPerCall;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

/**
 * JSON-P is reached through a {@code JsonProvider} looked up once per class, never through the
 * static {@code Json} factory: each {@code Json.create…} call runs {@code JsonProvider.provider()},
 * which on Liberty loads a class that is not there (an exception) and a service lookup. On the tool
 * call path that was 4.5 % of the CPU time (docs/benchmarks/gateway.md, the profile of issue 17).
 */
@AnalyzeClasses(packages = Contexts.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class JsonProviderOnceTest {

  @ArchTest
  static final ArchRule no_code_uses_the_static_json_factory =
      noClasses()
          .should()
          .callMethodWhere(
              com.tngtech.archunit.base.DescribedPredicate.describe(
                  "a static factory method of jakarta.json.Json",
                  call -> call.getTargetOwner().isEquivalentTo(Json.class)))
          .because(
              "Json.create… looks the provider up again on every call; keep one"
                  + " 'private static final JsonProvider JSON = JsonProvider.provider()' per class");

  @Test
  void a_class_building_json_through_the_static_factory_breaks_the_rule() {
    var classes = new ClassFileImporter().importClasses(JsonLookedUpPerCall.class);

    Violations.assertRuleCatches(
        no_code_uses_the_static_json_factory, classes, JsonLookedUpPerCall.class.getName());
  }
}

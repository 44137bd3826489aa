package io.claribi.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.claribi.tiering.boundary.violations.OrganizationFromViewBean;
import io.claribi.tiering.boundary.violations.OrganizationInBeanParamResource;
import io.claribi.tiering.boundary.violations.OrganizationInBodyResource;
import io.claribi.tiering.boundary.violations.OrganizationInFieldResource;
import io.claribi.tiering.boundary.violations.OrganizationInHeaderResource;
import io.claribi.tiering.boundary.violations.OrganizationInPathResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The organization a request acts for comes from the verified token, never from the request. */
@AnalyzeClasses(packages = Contexts.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class OrganizationFromTokenTest {

  @ArchTest
  static final ArchRule request_handlers_take_the_organization_only_from_the_token =
      classes()
          .that(OrganizationFromRequest.REQUEST_HANDLERS)
          .should(OrganizationFromRequest.readNone())
          .because(
              "an organization id in a path, query, header, form, cookie or body lets a caller name"
                  + " another organization's data, so it comes only from the token's org claim"
                  + " (VerifiedCaller); the exception is a method that only the platform-operator"
                  + " role reaches (@RolesAllowed exactly {\"platform-operator\"} on it or its"
                  + " class), such as provisioning PUT /organizations/{id}, which acts on the named"
                  + " organization through TenantBinding.actAsOperatorFor");

  @ParameterizedTest
  @ValueSource(
      classes = {
        OrganizationInPathResource.class,
        OrganizationInHeaderResource.class,
        OrganizationInBodyResource.class,
        OrganizationInFieldResource.class,
        OrganizationInBeanParamResource.class,
        OrganizationFromViewBean.class
      })
  void request_input_naming_an_organization_breaks_the_rule(Class<?> fixture) {
    var classes = new ClassFileImporter().importClasses(fixture);

    Violations.assertRuleCatches(
        request_handlers_take_the_organization_only_from_the_token, classes, fixture.getName());
  }
}

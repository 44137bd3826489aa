package io.claribi.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.claribi.app.console.SignInRecords;
import io.claribi.app.console.violations.OrganizationPickedByPage;
import io.claribi.app.console.violations.PageAskingConsoleUsers;
import io.claribi.platform.api.ConsolePrincipal;
import io.claribi.platform.api.ConsoleUsers;
import io.claribi.platform.api.VerifiedCaller;
import org.junit.jupiter.api.Test;

/** A console user's organization comes from their identity source, never from a page. */
@AnalyzeClasses(packages = Contexts.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ConsoleIdentityTest {

  private static final com.tngtech.archunit.base.DescribedPredicate<JavaConstructorCall>
      MAKING_A_CONSOLE_PRINCIPAL =
          describe(
              "new ConsolePrincipal(...)",
              call -> call.getTargetOwner().isEquivalentTo(ConsolePrincipal.class));

  private static final com.tngtech.archunit.base.DescribedPredicate<JavaCall<?>>
      ASKING_CONSOLE_USERS =
          describe(
              "ConsoleUsers.find(...) on any console identity source",
              call ->
                  call.getTargetOwner().isAssignableTo(ConsoleUsers.class)
                      && call.getName().equals("find"));

  @ArchTest
  static final ArchRule only_the_console_identity_source_makes_a_console_principal =
      noClasses()
          .that()
          .doNotImplement(ConsoleUsers.class)
          .should()
          .callConstructorWhere(MAKING_A_CONSOLE_PRINCIPAL)
          .because(
              "a ConsolePrincipal carries the organization a console user acts for: only the"
                  + " identity source that knows the user (a ConsoleUsers: the development users"
                  + " or the customer's LDAP directory, DirectoryUsers) may attach one, never a"
                  + " page");

  @ArchTest
  static final ArchRule only_the_verified_caller_asks_for_a_console_user =
      noClasses()
          .that()
          .areNotAssignableTo(VerifiedCaller.class)
          .and()
          .areNotAssignableTo(SignInRecords.class)
          .should()
          .callCodeUnitWhere(ASKING_CONSOLE_USERS)
          .because(
              "VerifiedCaller asks by the name the container authenticated; a page asking by a"
                  + " name of its own choosing could act as another user of another organization."
                  + " SignInRecords asks by the name typed on the sign-in page only to know whose"
                  + " organization's audit trail records a failed sign-in; nothing acts as that"
                  + " user");

  @Test
  void a_page_making_its_own_console_principal_breaks_the_rule() {
    var classes = new ClassFileImporter().importClasses(OrganizationPickedByPage.class);

    Violations.assertRuleCatches(
        only_the_console_identity_source_makes_a_console_principal,
        classes,
        OrganizationPickedByPage.class.getName());
  }

  @Test
  void a_page_asking_for_a_console_user_breaks_the_rule() {
    var classes = new ClassFileImporter().importClasses(PageAskingConsoleUsers.class);

    Violations.assertRuleCatches(
        only_the_verified_caller_asks_for_a_console_user,
        classes,
        PageAskingConsoleUsers.class.getName());
  }
}

package io.claribi.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.claribi.app.console.SignInRecords;
import io.claribi.connections.boundary.BorrowedCredentials;
import io.claribi.connections.boundary.ConnectTransactions;
import io.claribi.connections.boundary.Connecting;
import io.claribi.connections.boundary.RevocationAttempts;
import io.claribi.connections.violations.RequestActingAsSystem;
import io.claribi.credentials.boundary.RotationAuditing;
import io.claribi.gateway.boundary.CatalogDiscovery;
import io.claribi.gateway.boundary.UsageWriter;
import io.claribi.gateway.boundary.mcp.McpToolChanges;
import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.TenantBinding;
import org.junit.jupiter.api.Test;

/**
 * Acting for an organization without a caller is for named background jobs, and for the connect
 * callback (its state, not a token, names the organization).
 */
@AnalyzeClasses(packages = Contexts.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class SystemBindingTest {

  @ArchTest
  static final ArchRule only_background_jobs_act_as_the_system =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName(RotationAuditing.class.getName())
          .and()
          .doNotHaveFullyQualifiedName(UsageWriter.class.getName())
          .and()
          .doNotHaveFullyQualifiedName(ConnectTransactions.class.getName())
          .and()
          .doNotHaveFullyQualifiedName(Connecting.class.getName())
          .and()
          .doNotHaveFullyQualifiedName(CatalogDiscovery.class.getName())
          .and()
          .doNotHaveFullyQualifiedName(BorrowedCredentials.class.getName())
          .and()
          .doNotHaveFullyQualifiedName(McpToolChanges.class.getName())
          .and()
          .doNotHaveFullyQualifiedName(SignInRecords.class.getName())
          .and()
          .doNotHaveFullyQualifiedName(RevocationAttempts.class.getName())
          .should()
          .callMethod(TenantBinding.class, "actAsSystemFor", OrganizationId.class)
          .because(
              "the system binding chooses an organization without a token; only jobs that no"
                  + " request starts may use it, each named here (CatalogDiscovery for the"
                  + " background tool-list refresher; BorrowedCredentials for the vendor sessions'"
                  + " own messages, bound to the organization whose call opened the session;"
                  + " McpToolChanges for reading the tool list of an organization whose MCP sessions"
                  + " are open, to tell them it changed; SignInRecords for a failed console sign-in,"
                  + " which has no caller, recorded in the trail of the organization of the user"
                  + " whose name was tried; RevocationAttempts for the revocations owed to vendors"
                  + " for deleted connections, made after the disconnect by any node), and"
                  + " the connect callback, whose request (the vendor's redirect) has no token and"
                  + " whose single-use state names the organization");

  @Test
  void request_code_acting_as_the_system_breaks_the_rule() {
    var classes = new ClassFileImporter().importClasses(RequestActingAsSystem.class);

    Violations.assertRuleCatches(
        only_background_jobs_act_as_the_system, classes, RequestActingAsSystem.class.getName());
  }
}

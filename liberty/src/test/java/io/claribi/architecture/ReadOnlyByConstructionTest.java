package io.claribi.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.claribi.connections.control.authorization.LentClient;
import io.claribi.connections.control.authorization.LentGrant;
import io.claribi.connections.control.authorization.PendingRevocation;
import io.claribi.credentials.api.Credential;
import io.claribi.credentials.api.LentClientSecret;
import io.claribi.credentials.api.TokenToRevoke;
import io.claribi.gateway.boundary.ToolCalls;
import io.claribi.gateway.boundary.mcp.violations.CallingAVendorFromTheEndpoint;
import io.claribi.gateway.boundary.mcp.violations.CallingAVendorWithTheModernClient;
import io.claribi.gateway.boundary.violations.BypassingTheGateway;
import io.claribi.gateway.boundary.violations.CallingTheSdkFromTheBoundary;
import io.claribi.gateway.boundary.violations.ReadingTheLentToken;
import io.claribi.gateway.boundary.violations.ServingMcpFromTheBoundary;
import io.claribi.gateway.boundary.violations.ServingModernMcpFromTheBoundary;
import io.claribi.gateway.boundary.violations.UsingANativeConnectorFromTheBoundary;
import io.claribi.gateway.control.allowlist.Allowlist;
import io.claribi.gateway.control.allowlist.ForgedPermits;
import io.claribi.gateway.control.allowlist.ResourcePermit;
import io.claribi.gateway.control.allowlist.ToolPermit;
import io.claribi.gateway.control.mcpclient.VendorSessions;
import io.claribi.gateway.control.mcpclient.violations.CallingANativeConnectorWithoutAPermit;
import io.claribi.gateway.control.mcpclient.violations.CallingToolsWithoutAPermit;
import io.claribi.gateway.control.nativeapi.NativeConnector;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpSyncClient;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Why no code path can send a write tool: one package talks MCP to vendors; it sends {@code
 * tools/call} only inside a method that holds a {@link ToolPermit}; only the allowlist makes
 * permits; only the gateway asks the vendor package to send; only the vendor session reads the lent
 * access token (docs/security.md).
 */
@AnalyzeClasses(packages = Contexts.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ReadOnlyByConstructionTest {

  static final String VENDOR_PACKAGE = "io.claribi.gateway.control.mcpclient";
  static final String NATIVE_PACKAGE = "io.claribi.gateway.control.nativeapi";
  static final String ENDPOINT_PACKAGE = "io.claribi.gateway.boundary.mcp";

  private static final Set<String> SENDING_TOOLS = Set.of("callTool");
  private static final Set<String> READING_RESOURCES =
      Set.of("readResource", "listResources", "listResourceTemplates", "subscribeResource");
  private static final Set<String> GATEWAY_EXCHANGES =
      Set.of("callTool", "readResource", "listResources");

  @ArchTest
  static final ArchRule only_the_vendor_package_speaks_mcp =
      noClasses()
          .that()
          .resideOutsideOfPackages(VENDOR_PACKAGE, ENDPOINT_PACKAGE)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.modelcontextprotocol..")
          .because(
              "one package holds the SDK's client, so one package can send anything to a vendor;"
                  + " one other serves MCP to AI engines and sends nothing to vendors itself");

  @ArchTest
  static final ArchRule only_the_vendor_package_holds_the_sdk_client =
      noClasses()
          .that()
          .resideOutsideOfPackage(VENDOR_PACKAGE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.modelcontextprotocol.client..", "io.modelcontextprotocol.modern.client..")
          .because(
              "the MCP endpoint reaches vendors only through ToolCalls, the one road with"
                  + " admission, quota, credential and audit");

  @ArchTest
  static final ArchRule only_the_endpoint_package_serves_mcp =
      noClasses()
          .that()
          .resideOutsideOfPackage(ENDPOINT_PACKAGE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.modelcontextprotocol.server..", "io.modelcontextprotocol.modern.server..")
          .because(
              "one package serves MCP to AI engines, behind one check of the token, the origin and"
                  + " the session's owner (docs/mcp.md)");

  @ArchTest
  static final ArchRule tools_call_is_sent_only_with_a_permit =
      noClasses()
          .should()
          .callMethodWhere(sdk(SENDING_TOOLS).and(originLacks(ToolPermit.class)))
          .because(
              "the only way to send tools/call is from a method that holds a ToolPermit, which"
                  + " only the allowlist decision makes");

  @ArchTest
  static final ArchRule only_the_vendor_package_uses_native_connectors =
      noClasses()
          .that()
          .resideOutsideOfPackages(VENDOR_PACKAGE, NATIVE_PACKAGE)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(NATIVE_PACKAGE)
          .because(
              "native connectors send requests to vendors, so only the vendor package, behind the"
                  + " gateway's admission, may hold them");

  @ArchTest
  static final ArchRule native_operations_run_only_with_a_permit =
      noClasses()
          .that()
          .resideOutsideOfPackage(NATIVE_PACKAGE)
          .should()
          .callMethodWhere(
              describe(
                      "NativeConnector.call",
                      (JavaMethodCall call) ->
                          call.getTargetOwner().isAssignableTo(NativeConnector.class)
                              && call.getName().equals("call"))
                  .and(originLacks(ToolPermit.class)))
          .because(
              "a native operation is a tool call: it runs only from a method that holds the"
                  + " allowlist's ToolPermit");

  @ArchTest
  static final ArchRule resources_are_read_only_with_a_permit =
      noClasses()
          .should()
          .callMethodWhere(sdk(READING_RESOURCES).and(originLacks(ResourcePermit.class)))
          .because("resources are offered only where the operator switched them on");

  @ArchTest
  static final ArchRule only_the_allowlist_makes_permits =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName(Allowlist.class.getName())
          .should()
          .callConstructorWhere(
              describe(
                  "a ToolPermit or ResourcePermit constructor",
                  (JavaConstructorCall call) ->
                      call.getTargetOwner().isEquivalentTo(ToolPermit.class)
                          || call.getTargetOwner().isEquivalentTo(ResourcePermit.class)))
          .because("a permit is the allowlist's decision; nothing else may forge one");

  @ArchTest
  static final ArchRule only_the_gateway_sends_through_the_vendor_package =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName(ToolCalls.class.getName())
          .should()
          .callMethodWhere(
              describe(
                  "VendorSessions.callTool, readResource or listResources",
                  (JavaMethodCall call) ->
                      call.getTargetOwner().isEquivalentTo(VendorSessions.class)
                          && GATEWAY_EXCHANGES.contains(call.getName())))
          .because("the gateway admits, sends and records every call; nothing goes around it");

  @ArchTest
  static final ArchRule only_the_vendor_session_reads_the_lent_token =
      noClasses()
          .that()
          .resideOutsideOfPackages(VENDOR_PACKAGE, "io.claribi.credentials..")
          .and()
          .doNotHaveFullyQualifiedName(LentGrant.class.getName())
          .and()
          .doNotHaveFullyQualifiedName(PendingRevocation.class.getName())
          .and()
          .doNotHaveFullyQualifiedName(LentClient.class.getName())
          .should()
          .callMethodWhere(
              describe(
                  "Credential.accessToken() or refreshToken(), LentClientSecret.secret(),"
                      + " TokenToRevoke.value()",
                  (JavaMethodCall call) ->
                      call.getTargetOwner().isAssignableTo(Credential.class)
                              && Set.of("accessToken", "refreshToken").contains(call.getName())
                          || call.getTargetOwner().isAssignableTo(LentClientSecret.class)
                              && call.getName().equals("secret")
                          || call.getTargetOwner().isAssignableTo(TokenToRevoke.class)
                              && call.getName().equals("value")))
          .because(
              "a lent token goes into one Authorization header, one refresh request or one"
                  + " revocation request, and nowhere else");

  private static DescribedPredicate<JavaMethodCall> sdk(Set<String> methods) {
    return describe(
        "McpSyncClient/McpAsyncClient." + methods,
        call ->
            (call.getTargetOwner().isEquivalentTo(McpSyncClient.class)
                    || call.getTargetOwner().isEquivalentTo(McpAsyncClient.class))
                && methods.contains(call.getName()));
  }

  /** The calling method (or the lambda it wrote) has no parameter of the permit type. */
  private static DescribedPredicate<JavaCall<?>> originLacks(Class<?> permit) {
    return describe(
        "made where no " + permit.getSimpleName() + " is in hand",
        call -> {
          JavaCodeUnit origin = call.getOrigin();
          return origin.getRawParameterTypes().stream()
              .map(JavaClass::getName)
              .noneMatch(permit.getName()::equals);
        });
  }

  @Test
  void the_boundary_using_the_sdk_breaks_the_rule() {
    var classes = new ClassFileImporter().importClasses(CallingTheSdkFromTheBoundary.class);

    Violations.assertRuleCatches(
        only_the_vendor_package_speaks_mcp, classes, CallingTheSdkFromTheBoundary.class.getName());
  }

  @Test
  void a_vendor_client_in_the_endpoint_breaks_the_rule() {
    var classes = new ClassFileImporter().importClasses(CallingAVendorFromTheEndpoint.class);

    Violations.assertRuleCatches(
        only_the_vendor_package_holds_the_sdk_client,
        classes,
        CallingAVendorFromTheEndpoint.class.getName());
  }

  @Test
  void the_modern_client_in_the_endpoint_breaks_the_rule() {
    var classes = new ClassFileImporter().importClasses(CallingAVendorWithTheModernClient.class);

    Violations.assertRuleCatches(
        only_the_vendor_package_holds_the_sdk_client,
        classes,
        CallingAVendorWithTheModernClient.class.getName());
  }

  @Test
  void serving_the_stateless_revision_outside_the_endpoint_package_breaks_the_rule() {
    var classes = new ClassFileImporter().importClasses(ServingModernMcpFromTheBoundary.class);

    Violations.assertRuleCatches(
        only_the_endpoint_package_serves_mcp,
        classes,
        ServingModernMcpFromTheBoundary.class.getName());
  }

  @Test
  void serving_mcp_outside_the_endpoint_package_breaks_the_rule() {
    var classes = new ClassFileImporter().importClasses(ServingMcpFromTheBoundary.class);

    Violations.assertRuleCatches(
        only_the_endpoint_package_serves_mcp, classes, ServingMcpFromTheBoundary.class.getName());
  }

  @Test
  void sending_tools_call_without_a_permit_breaks_the_rule() {
    var classes = new ClassFileImporter().importClasses(CallingToolsWithoutAPermit.class);

    Violations.assertRuleCatches(
        tools_call_is_sent_only_with_a_permit,
        classes,
        CallingToolsWithoutAPermit.class.getName() + ".sendAnything(");
  }

  @Test
  void reading_a_resource_without_a_permit_breaks_the_rule() {
    var classes = new ClassFileImporter().importClasses(CallingToolsWithoutAPermit.class);

    Violations.assertRuleCatches(
        resources_are_read_only_with_a_permit,
        classes,
        CallingToolsWithoutAPermit.class.getName() + ".readAnything(");
  }

  @Test
  void forging_a_permit_breaks_the_rule() {
    var classes = new ClassFileImporter().importClasses(ForgedPermits.class);

    Violations.assertRuleCatches(
        only_the_allowlist_makes_permits, classes, ForgedPermits.class.getName());
  }

  @Test
  void calling_the_vendor_package_around_the_gateway_breaks_the_rule() {
    var classes = new ClassFileImporter().importClasses(BypassingTheGateway.class);

    Violations.assertRuleCatches(
        only_the_gateway_sends_through_the_vendor_package,
        classes,
        BypassingTheGateway.class.getName());
  }

  @Test
  void reading_the_lent_token_elsewhere_breaks_the_rule() {
    var classes = new ClassFileImporter().importClasses(ReadingTheLentToken.class);

    Violations.assertRuleCatches(
        only_the_vendor_session_reads_the_lent_token, classes, ReadingTheLentToken.class.getName());
  }

  @Test
  void calling_a_native_operation_without_a_permit_breaks_the_rule() {
    var classes =
        new ClassFileImporter().importClasses(CallingANativeConnectorWithoutAPermit.class);

    Violations.assertRuleCatches(
        native_operations_run_only_with_a_permit,
        classes,
        CallingANativeConnectorWithoutAPermit.class.getName() + ".sendAnything(");
  }

  @Test
  void holding_native_connectors_outside_the_vendor_package_breaks_the_rule() {
    var classes = new ClassFileImporter().importClasses(UsingANativeConnectorFromTheBoundary.class);

    Violations.assertRuleCatches(
        only_the_vendor_package_uses_native_connectors,
        classes,
        UsingANativeConnectorFromTheBoundary.class.getName());
  }
}

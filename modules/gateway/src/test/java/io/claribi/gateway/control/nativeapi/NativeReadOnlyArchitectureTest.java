package io.claribi.gateway.control.nativeapi;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Set;

/**
 * Why a native connector cannot write: only {@link ReadOnlyApi} builds requests, and it has no way
 * to say PUT, PATCH or DELETE; its one POST goes to documented query endpoints only
 * (NativeReadOnlyApiTest).
 */
@AnalyzeClasses(
    packages = "io.claribi.gateway.control.nativeapi",
    importOptions = ImportOption.DoNotIncludeTests.class)
class NativeReadOnlyArchitectureTest {

  private static final Set<String> WRITING_VERBS = Set.of("PUT", "DELETE", "method");

  @ArchTest
  static final ArchRule no_native_code_names_a_writing_verb =
      noClasses()
          .should()
          .callMethodWhere(
              describe(
                  "HttpRequest.Builder.PUT, DELETE or method(...)",
                  (JavaMethodCall call) ->
                      call.getTargetOwner().isAssignableTo(HttpRequest.Builder.class)
                          && WRITING_VERBS.contains(call.getName())))
          .because("native connectors read; a request that could write must not be expressible");

  @ArchTest
  static final ArchRule only_the_read_only_api_posts =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName(ReadOnlyApi.class.getName())
          .should()
          .callMethodWhere(
              describe(
                  "HttpRequest.Builder.POST",
                  (JavaMethodCall call) ->
                      call.getTargetOwner().isAssignableTo(HttpRequest.Builder.class)
                          && call.getName().equals("POST")))
          .because("the one POST is guarded by the list of documented query endpoints");

  @ArchTest
  static final ArchRule only_the_read_only_api_sends =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName(ReadOnlyApi.class.getName())
          .should()
          .callMethodWhere(
              describe(
                  "HttpClient.send or sendAsync",
                  (JavaMethodCall call) ->
                      call.getTargetOwner().isAssignableTo(HttpClient.class)
                          && call.getName().startsWith("send")))
          .because("every vendor request passes the read-only checks in one place");
}

package io.claribi.gateway.control.nativeapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one HTTP door of the native connectors can only read, and only on the vendor's origin. */
class NativeReadOnlyApiTest {

  @RegisterExtension final VendorFake fake = new VendorFake();

  ReadOnlyApi cut() {
    return new NativeHttp(VendorFake.LIMITS, VendorFake.LOOPBACK_ALLOWED)
        .open("Test vendor", fake.base(), VendorFake.ACCESS_TOKEN, Map.of());
  }

  @Test
  void it_offers_get_and_query_and_nothing_else() {
    assertThat(
            Arrays.stream(ReadOnlyApi.class.getDeclaredMethods())
                .filter(method -> !Modifier.isPrivate(method.getModifiers()))
                .filter(method -> !Modifier.isStatic(method.getModifiers()))
                .map(Method::getName))
        .containsExactlyInAnyOrder("get", "query");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/v26/customers/1234567890/googleAds:mutate",
        "/v26/customers/1234567890/campaigns:mutate",
        "/v1beta/properties/1:batchRunReports",
        "/v1beta/properties/1:runReport/../../x",
        "/v23.0/act_1/campaigns",
        "/rest/api/3/issue"
      })
  void a_post_anywhere_but_a_documented_query_endpoint_is_refused(String path) {
    assertThatThrownBy(() -> cut().query(path, ToolResults.object()))
        .isInstanceOf(IllegalArgumentException.class);
    fake.assertNothingSent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/a/../b",
        "/a/./b",
        "//evil.example/x",
        "/a?b=c",
        "/a#b",
        "/a b",
        "@evil.example/x",
        "relative"
      })
  void a_path_that_is_not_plain_is_refused(String path) {
    assertThatThrownBy(() -> cut().get(path, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    fake.assertNothingSent();
  }

  @Test
  void a_base_with_credentials_or_a_query_is_refused() {
    NativeHttp http = new NativeHttp(VendorFake.LIMITS, VendorFake.LOOPBACK_ALLOWED);
    for (String base :
        new String[] {"http://user:pw@127.0.0.1:1", "http://127.0.0.1:1/?a=b", "file:///etc"}) {
      assertThatThrownBy(() -> http.open("x", URI.create(base), VendorFake.ACCESS_TOKEN, Map.of()))
          .as(base)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void segments_are_percent_encoded() {
    assertThat(ReadOnlyApi.encode("../a b/?#")).isEqualTo("..%2Fa%20b%2F%3F%23");
  }
}

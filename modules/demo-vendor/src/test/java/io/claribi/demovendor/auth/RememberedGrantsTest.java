package io.claribi.demovendor.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 6: the demo authorization server keeps its grants across a restart (a new server on the
 * same grants file honours the refresh token the old one issued), still rotates them (a spent one
 * is refused after the restart too), and forgets them all when told to.
 */
class RememberedGrantsTest {

  private static final String REDIRECT = "http://127.0.0.1/callback";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @TempDir Path dir;
  private int port;
  private AuthorizationServer server;

  @BeforeEach
  void freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void a_refresh_token_survives_a_restart_and_is_still_single_use() throws Exception {
    Path grants = dir.resolve("demo-vendor/grants");
    server = started(grants);
    String first = refreshTokenOf(codeGrant());
    assertThat(Files.readString(grants)).contains(first);

    server.stop();
    server = started(grants);
    HttpResponse<String> refreshed = refresh(first);

    assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    String second = refreshTokenOf(refreshed.body());
    assertThat(second).isNotEqualTo(first);
    server.stop();
    server = started(grants);
    assertThat(refresh(first).statusCode()).as("spent before the restart").isEqualTo(400);
    assertThat(refresh(second).statusCode()).isEqualTo(200);
  }

  @Test
  void forgetting_the_grants_also_forgets_them_across_a_restart() throws Exception {
    Path grants = dir.resolve("grants");
    server = started(grants);
    String token = refreshTokenOf(codeGrant());

    server.forgetGrants();
    server.stop();
    server = started(grants);

    assertThat(refresh(token).statusCode()).isEqualTo(400);
  }

  @Test
  void without_a_file_a_restart_forgets_as_before() throws Exception {
    server = started(null);
    String token = refreshTokenOf(codeGrant());
    server.stop();
    server = started(null);

    assertThat(refresh(token).statusCode()).isEqualTo(400);
  }

  @Test
  void the_ledger_counts_each_refresh_and_notices_a_token_presented_again() throws Exception {
    server = started(null);
    String first = refreshTokenOf(codeGrant());
    assertThat(server.refreshes().counts()).isEqualTo(new RefreshLedger.Counts(0, 0, 0));

    String second = refreshTokenOf(refresh(first).body());
    assertThat(server.refreshes().counts()).isEqualTo(new RefreshLedger.Counts(1, 0, 0));
    assertThat(refresh(first).statusCode()).as("spent").isEqualTo(400);
    assertThat(server.refreshes().counts()).isEqualTo(new RefreshLedger.Counts(2, 1, 1));

    server.refreshes().clear();
    assertThat(refresh(first).statusCode()).isEqualTo(400);
    assertThat(refresh(second).statusCode()).isEqualTo(200);
    assertThat(server.refreshes().counts())
        .as("a token seen before the counts were cleared is still known")
        .isEqualTo(new RefreshLedger.Counts(2, 1, 1));
  }

  /** Netty releases the port shortly after a stop: retry the bind for up to five seconds. */
  private AuthorizationServer started(Path grants) {
    AuthorizationServer started = new AuthorizationServer(port, 60, grants);
    for (int attempt = 1; ; attempt++) {
      try {
        started.start();
        return started;
      } catch (IllegalStateException portStillTaken) {
        if (attempt == 50) {
          throw portStillTaken;
        }
        sleep();
      }
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String codeGrant() throws Exception {
    String issuer = AuthorizationServer.issuer(port);
    HttpResponse<String> authorize =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        issuer
                            + "/authorize?response_type=code&client_id=claribi&scope=openid"
                            + "&state=s&redirect_uri="
                            + encode(REDIRECT)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String location = authorize.headers().firstValue("Location").orElseThrow();
    String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
    HttpResponse<String> token =
        token(
            "grant_type=authorization_code&client_id=claribi&code="
                + code
                + "&redirect_uri="
                + encode(REDIRECT));
    assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
    return token.body();
  }

  private HttpResponse<String> refresh(String refreshToken) throws Exception {
    return token(
        "grant_type=refresh_token&client_id=claribi&refresh_token=" + encode(refreshToken));
  }

  private HttpResponse<String> token(String form) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(AuthorizationServer.issuer(port) + "/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String refreshTokenOf(String tokenResponse) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"refresh_token\"\\s*:\\s*\"([^\"]+)\"")
            .matcher(tokenResponse);
    assertThat(m.find()).as(tokenResponse).isTrue();
    return m.group(1);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** Connecting the demo vendor the way an org admin does: POST, the vendor's consent, callback. */
final class Consent {

  static final String RETURN_TO = Api.BASE + "/console/data-sources";

  /** The admin's browser, which follows no redirect by itself so each step can be checked. */
  static final HttpClient BROWSER =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private Consent() {}

  /**
   * An active connection of the admin's organization to the demo vendor (its authorization server
   * approves at once), with the vendor's tools discovered and {@code allowed} allowed.
   */
  static String connect(String admin, String... allowed) throws Exception {
    return connectTo(Gateway.VENDOR, admin, allowed);
  }

  /** The same with a catalog vendor served by the demo vendor's MCP server. */
  static String connectTo(String vendor, String admin, String... allowed) throws Exception {
    Api.Reply started =
        Api.post(
            "/api/v1/connections",
            admin,
            "{\"vendor\":\"" + vendor + "\",\"returnTo\":\"" + RETURN_TO + "\"}");
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String id = started.json().getString("connectionId");
    URI answer = redirect(URI.create(started.json().getString("authorizationUrl")), 302);
    URI back = redirect(answer, 303);
    assertThat(back.toString()).endsWith("connection=" + id + "&result=connected");
    for (String tool : allowed) {
      assertThat(Gateway.decide(admin, vendor, tool, "ALLOW").status()).isEqualTo(200);
    }
    return id;
  }

  /**
   * A PENDING connection of the token's organization to the demo vendor: its consent never given.
   */
  static String pending(String token) {
    Api.Reply started =
        Api.post(
            "/api/v1/connections",
            token,
            "{\"vendor\":\""
                + Gateway.VENDOR
                + "\",\"returnTo\":\""
                + Api.BASE
                + "/console/data-sources.xhtml\"}");
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    return started.json().getString("connectionId");
  }

  /** The ids of the connections the token's organization lists. */
  static List<String> listedIds(String token) {
    return Api.get("/api/v1/connections", token).jsonArray().stream()
        .map(v -> ((JsonString) v.asJsonObject().get("id")).getString())
        .toList();
  }

  /** One step of the browser: the answer must be {@code status}; where it redirects to. */
  static URI redirect(URI from, int status) throws Exception {
    HttpResponse<String> response =
        BROWSER.send(HttpRequest.newBuilder(from).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(from + " answered " + response.body()).isEqualTo(status);
    return URI.create(response.headers().firstValue("Location").orElseThrow());
  }
}

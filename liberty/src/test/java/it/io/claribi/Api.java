package it.io.claribi;

import io.claribi.devtokens.DevKeys;
import io.claribi.devtokens.DevTokens;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** The running server, reached over HTTP the way an integrator reaches it. */
public final class Api {

  public static final String BASE = System.getProperty("claribi.url", "http://localhost:9080");
  static final Path DEV_KEYS = Path.of(System.getProperty("claribi.dev-keys", "target/dev-keys"));

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Api() {}

  public static DevTokens tokens() {
    try {
      return new DevTokens(DevKeys.read(DEV_KEYS));
    } catch (Exception e) {
      throw new IllegalStateException("development keys missing in " + DEV_KEYS, e);
    }
  }

  /**
   * Waits until the server, just started, accepts development tokens: the first request after start
   * can come before the application has started or MicroProfile JWT has its key, and a test that is
   * not deployed through Arquillian does not otherwise wait for that.
   */
  public static void awaitTokensAccepted(Duration timeout) throws InterruptedException {
    String operator = token("platform-ops", "platform-operator");
    java.time.Instant deadline = java.time.Instant.now().plus(timeout);
    while (true) {
      try {
        Reply reply = get("/api/v1/organization", operator);
        // the API's own answer (JSON), not the 404 page of an application still starting
        if (reply.status() != 401
            && reply.status() != 503
            && reply.contentType().contains("json")) {
          return;
        }
      } catch (IllegalStateException slowFirstAnswer) {
        // the first requests after a start can take longer than one request's timeout
      }
      if (java.time.Instant.now().isAfter(deadline)) {
        throw new AssertionError("development tokens still refused after " + timeout);
      }
      Thread.sleep(250);
    }
  }

  public static String token(String org, String... groups) {
    return tokens().mint("user@" + org, org, List.of(groups), Duration.ofMinutes(5));
  }

  /** A fresh organization id, so runs against a database that outlives them never collide. */
  public static String newOrganization(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static Reply get(String path, String token) {
    return send(request(path, token).GET());
  }

  public static Reply post(String path, String token) {
    return send(request(path, token).POST(HttpRequest.BodyPublishers.noBody()));
  }

  public static Reply post(String path, String token, String json) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public static Reply delete(String path, String token) {
    return send(request(path, token).DELETE());
  }

  public static Reply put(String path, String token, String json) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public static HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(20));
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }

  public static Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response);
    } catch (Exception e) {
      throw new IllegalStateException("request failed: " + e, e);
    }
  }

  /** A response with its body parsed on demand. */
  public record Reply(HttpResponse<String> response) {

    public int status() {
      return response.statusCode();
    }

    public String body() {
      return response.body();
    }

    public String contentType() {
      return response.headers().firstValue("Content-Type").orElse("");
    }

    public JsonObject json() {
      return (JsonObject) parse();
    }

    public JsonArray jsonArray() {
      return (JsonArray) parse();
    }

    private JsonStructure parse() {
      try (var reader = Json.createReader(new StringReader(response.body()))) {
        return reader.read();
      }
    }

    @Override
    public String toString() {
      return status() + " " + body();
    }
  }
}

package io.claribi.gateway.control.mcpclient;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A vendor's MCP server reduced to a script, on 127.0.0.1: {@code initialize}, {@code tools/list}
 * (no tools), and a {@code tools/call} whose answer stream first carries whatever the test asks for
 * (a request to the client, a notification) and, for a request, waits for the client's answer
 * before the result. No event stream (GET is 405). Every request is recorded with its {@code
 * Authorization} header and refused with 401 without one, as a vendor that checks every message.
 */
final class ScriptedMcpServer implements AutoCloseable {

  record Request(String httpMethod, String authorization, String body) {

    boolean answer() {
      return body.contains("\"result\"") || body.contains("\"error\"");
    }
  }

  /** How long a tools/call waits for the client's answer to the vendor's request. */
  static final int WAIT_SECONDS = 8;

  private static final JsonMapper JSON = JsonMapper.shared();

  final List<Request> requests = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private volatile String beforeResult;
  private volatile CompletableFuture<String> answer = new CompletableFuture<>();

  ScriptedMcpServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(threads);
    server.createContext("/mcp", this::handle);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mcp");
  }

  /** A JSON-RPC message sent on each tools/call's stream before its result. */
  ScriptedMcpServer beforeResult(String message) {
    beforeResult = message;
    answer = new CompletableFuture<>();
    return this;
  }

  /** The client's answer to the request sent before a result, if it came. */
  String answer(long seconds) throws Exception {
    return answer.get(seconds, TimeUnit.SECONDS);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    Request request = new Request(exchange.getRequestMethod(), authorization, body);
    requests.add(request);
    try (exchange) {
      if (authorization == null || !authorization.startsWith("Bearer ")) {
        exchange.sendResponseHeaders(401, -1);
      } else if ("GET".equals(request.httpMethod())) {
        exchange.sendResponseHeaders(405, -1);
      } else if ("DELETE".equals(request.httpMethod())) {
        exchange.sendResponseHeaders(200, -1);
      } else if (request.answer()) {
        answer.complete(body);
        exchange.sendResponseHeaders(202, -1);
      } else {
        post(JSON.readTree(body), exchange);
      }
    }
  }

  private void post(JsonNode message, HttpExchange exchange) throws IOException {
    String method = message.path("method").asString();
    if (!message.has("id")) {
      exchange.sendResponseHeaders(202, -1); // a notification
      return;
    }
    String id = message.get("id").toString();
    switch (method) {
      case "initialize" -> {
        exchange.getResponseHeaders().add("Mcp-Session-Id", "session-1");
        json(
            exchange,
            result(
                id,
                "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"tools\":"
                    + "{\"listChanged\":true}},\"serverInfo\":{\"name\":\"scripted\","
                    + "\"version\":\"1\"}}"));
      }
      case "tools/list" -> json(exchange, result(id, "{\"tools\":[]}"));
      case "tools/call" -> call(id, exchange);
      default ->
          json(
              exchange,
              "{\"jsonrpc\":\"2.0\",\"id\":"
                  + id
                  + ",\"error\":{\"code\":-32601,\"message\":\"no\"}}");
    }
  }

  private void call(String id, HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    String first = beforeResult;
    if (first != null) {
      event(out, first);
      if (first.contains("\"id\"")) {
        try {
          answer.get(WAIT_SECONDS, TimeUnit.SECONDS); // a vendor that waits for the answer
        } catch (Exception noAnswer) {
          // answer anyway: the test sees the delay
        }
      }
    }
    event(
        out,
        result(id, "{\"content\":[{\"type\":\"text\",\"text\":\"answered\"}],\"isError\":false}"));
  }

  private static void event(OutputStream out, String data) throws IOException {
    out.write(("event: message\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static void json(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static String result(String id, String result) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + result + "}";
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}

package io.claribi.connections.control.authorization;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A vendor's HTTP endpoints under the test's control, on 127.0.0.1: each path answers with a fixed
 * status, headers and body, and every request is recorded. Used where the test needs the vendor to
 * misbehave in a precise way (a foreign issuer, a redirect, a huge reply).
 */
final class VendorHttpServer implements AutoCloseable {

  record Reply(int status, Map<String, String> headers, String body) {}

  private final HttpServer server;
  private final Map<String, Reply> replies = new ConcurrentHashMap<>();
  private final Set<String> drips = ConcurrentHashMap.newKeySet();
  final List<String> requests = new CopyOnWriteArrayList<>();

  VendorHttpServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  VendorHttpServer on(String path, int status, Map<String, String> headers, String body) {
    replies.put(path, new Reply(status, headers, body));
    return this;
  }

  /** The path answers 200 at once, then sends one byte of its body every 100 ms, for a minute. */
  VendorHttpServer drip(String path) {
    drips.add(path);
    return this;
  }

  VendorHttpServer json(String path, String body) {
    return on(path, 200, Map.of("Content-Type", "application/json"), body);
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
    exchange.getRequestBody().readAllBytes();
    if (drips.contains(exchange.getRequestURI().getPath())) {
      drip(exchange);
      return;
    }
    Reply reply =
        replies.getOrDefault(exchange.getRequestURI().getPath(), new Reply(404, Map.of(), ""));
    reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
    exchange.close();
  }

  private static void drip(HttpExchange exchange) throws IOException {
    exchange.sendResponseHeaders(200, 0);
    try (var body = exchange.getResponseBody()) {
      for (int i = 0; i < 600; i++) {
        body.write('[');
        body.flush();
        Thread.sleep(100);
      }
    } catch (IOException | InterruptedException gone) {
      // the client gave up, as it should
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

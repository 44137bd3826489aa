package io.claribi.demovendor.auth;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.Headers;

/**
 * Acme's token revocation endpoint (RFC 7009), served ahead of the mock's own so that tests can see
 * what it was asked and can take it down: a revoked refresh token leaves the live grants (it
 * refreshes nothing from then on), every request is logged (never the token, only whether it was a
 * live grant), and while the desk is closed every request gets {@code 503} with {@code
 * Retry-After}, as a vendor in an outage would answer.
 */
public final class RevocationDesk implements Route {

  private static final int KEPT = 1000;

  /** One request the endpoint received. */
  public record Entry(Instant at, String tokenTypeHint, boolean live, int status) {}

  private final Deque<Entry> log = new ArrayDeque<>();
  private volatile Map<String, ?> grants = Map.of();
  private volatile boolean closed;

  /** The live grants of the server now running; empty if the mock keeps them out of reach. */
  void serve(Optional<? extends Map<String, ?>> live) {
    grants = live.isPresent() ? live.get() : Map.of();
  }

  /** From now on every revocation request gets 503, until {@link #open}. */
  public void close() {
    closed = true;
  }

  public void open() {
    closed = false;
  }

  public synchronized List<Entry> entries() {
    return List.copyOf(log);
  }

  public synchronized void clear() {
    log.clear();
  }

  @Override
  public boolean match(OAuth2HttpRequest request) {
    return "POST".equals(request.getMethod()) && request.getUrl().encodedPath().endsWith("/revoke");
  }

  @Override
  public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
    String hint =
        Optional.ofNullable(request.getFormParameters().get("token_type_hint")).orElse("");
    String token = request.getFormParameters().get("token");
    if (closed) {
      record(new Entry(Instant.now(), hint, false, 503));
      return new OAuth2HttpResponse(
          Headers.of("Retry-After", "1", "Content-Type", "application/json"),
          503,
          "{\"error\":\"temporarily_unavailable\"}",
          null);
    }
    if (token == null || token.isBlank()) {
      record(new Entry(Instant.now(), hint, false, 400));
      return new OAuth2HttpResponse(
          Headers.of("Content-Type", "application/json"),
          400,
          "{\"error\":\"invalid_request\"}",
          null);
    }
    // RFC 7009 §2.2: 200 whether or not the token was live; only a refresh token has a grant here.
    boolean live = grants.remove(token) != null;
    record(new Entry(Instant.now(), hint, live, 200));
    return new OAuth2HttpResponse(Headers.of(), 200, "", null);
  }

  private synchronized void record(Entry entry) {
    if (log.size() == KEPT) {
      log.removeFirst();
    }
    log.addLast(entry);
  }
}

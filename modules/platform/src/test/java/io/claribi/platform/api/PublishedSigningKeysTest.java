package io.claribi.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.claribi.platform.testing.MovableClock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a real HTTP JWKS endpoint on loopback, whose keys the tests change as a provider would.
 */
class PublishedSigningKeysTest {

  private static final Duration REFRESH = Duration.ofMinutes(5);

  private HttpServer provider;
  private final AtomicReference<String> jwks = new AtomicReference<>();
  private final AtomicInteger status = new AtomicInteger(200);
  private final AtomicInteger reads = new AtomicInteger();
  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T00:00:00Z"));
  private PublishedSigningKeys keys;

  @BeforeEach
  void startTheProvider() throws Exception {
    provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    provider.createContext(
        "/certs",
        exchange -> {
          reads.incrementAndGet();
          byte[] body = jwks.get().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status.get(), body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    provider.start();
    publish("k1");
    URI url = URI.create("http://127.0.0.1:" + provider.getAddress().getPort() + "/certs");
    keys = new PublishedSigningKeys(Optional.of(url), REFRESH, clock);
  }

  @AfterEach
  void stopTheProvider() {
    provider.stop(0);
  }

  @Test
  void a_key_the_provider_removed_is_refused_once_the_refresh_interval_has_passed() {
    assertThat(keys.stillPublished(token("k1"))).isTrue();
    publish("k2");

    clock.advance(REFRESH.minusSeconds(1));
    assertThat(keys.stillPublished(token("k1"))).as("the last read is in force").isTrue();
    clock.advance(Duration.ofSeconds(2));
    assertThat(keys.stillPublished(token("k1"))).isFalse();
    assertThat(reads).hasValue(2);
  }

  @Test
  void a_new_key_is_read_at_once_but_not_more_often_than_the_minimum_interval() {
    assertThat(keys.stillPublished(token("k1"))).isTrue();
    publish("k1", "k2");

    assertThat(keys.stillPublished(token("k2")))
        .as("just read: Liberty's own fetch of the new key is the newest word")
        .isTrue();
    assertThat(reads).hasValue(1);

    clock.advance(PublishedSigningKeys.MIN_REFETCH.plusSeconds(1));
    assertThat(keys.stillPublished(token("k3"))).as("read again: not published").isFalse();
    assertThat(keys.stillPublished(token("k2"))).isTrue();
    assertThat(keys.stillPublished(token("k3"))).as("known as unpublished").isFalse();
    assertThat(reads).hasValue(2);
  }

  @Test
  void a_key_seen_and_then_removed_is_refused_even_right_after_a_read() {
    assertThat(keys.stillPublished(token("k1"))).isTrue();
    publish("k2");
    clock.advance(REFRESH.plusSeconds(1));
    assertThat(keys.stillPublished(token("k2"))).isTrue();

    assertThat(keys.stillPublished(token("k1"))).isFalse();
  }

  @Test
  void while_the_provider_cannot_answer_the_last_read_stays_in_force() {
    assertThat(keys.stillPublished(token("k1"))).isTrue();
    status.set(503);
    publish("k2");

    clock.advance(REFRESH.plusSeconds(1));
    assertThat(keys.stillPublished(token("k1"))).as("not known to be removed").isTrue();
    assertThat(reads).hasValue(2);

    status.set(200);
    clock.advance(REFRESH.plusSeconds(1));
    assertThat(keys.stillPublished(token("k1"))).isFalse();
    assertThat(keys.stillPublished(token("k2"))).isTrue();
  }

  @Test
  void a_provider_never_read_lets_verified_tokens_pass_and_so_does_a_token_without_a_key_id() {
    status.set(500);
    assertThat(keys.stillPublished(token("anything"))).isTrue();
    status.set(200);

    String noKid = encode("{\"alg\":\"RS256\"}") + ".e30.c2ln";
    assertThat(keys.stillPublished(noKid)).isTrue();
    assertThat(keys.stillPublished("not a token")).isTrue();
  }

  @Test
  void without_a_jwks_url_nothing_is_asked() {
    PublishedSigningKeys inline = PublishedSigningKeys.none();

    assertThat(inline.stillPublished(token("k9"))).isTrue();
    assertThat(reads).hasValue(0);
  }

  @Test
  void a_refresh_interval_that_is_not_positive_is_refused() {
    assertThatThrownBy(() -> new PublishedSigningKeys(Optional.empty(), Duration.ZERO, clock))
        .hasMessageContaining(PublishedSigningKeys.REFRESH);
  }

  private void publish(String... kids) {
    StringBuilder json = new StringBuilder("{\"keys\":[");
    List<String> ids = List.of(kids);
    for (int i = 0; i < ids.size(); i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"kid\":\"")
          .append(ids.get(i))
          .append("\",\"kty\":\"RSA\",\"use\":\"sig\"}");
    }
    jwks.set(json.append("]}").toString());
  }

  private static String token(String kid) {
    return encode("{\"alg\":\"RS256\",\"kid\":\"" + kid + "\"}") + ".e30.c2ln";
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}

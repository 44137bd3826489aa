package io.claribi.catalog.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.catalog.api.RegisteredClient;
import io.claribi.catalog.control.OAuthClients;
import io.claribi.catalog.entity.OAuthClient;
import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.ProblemException;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dropping a registration the vendor forgot: which ones may go, and the audit of it. */
class ClientRegistrationsTest {

  private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

  private final Map<String, OAuthClient> rows = new LinkedHashMap<>();
  private final List<AuditEvent> audited = new ArrayList<>();
  private ClientRegistrations cut;

  @BeforeEach
  void registrations() {
    cut = new ClientRegistrations();
    cut.clients =
        new OAuthClients() {
          @Override
          public Optional<OAuthClient> of(String issuer) {
            return Optional.ofNullable(rows.get(OAuthClient.hash(issuer)));
          }

          @Override
          public List<OAuthClient> all() {
            return List.copyOf(rows.values());
          }

          @Override
          public void remove(OAuthClient client) {
            rows.remove(OAuthClient.hash(client.issuer()));
          }
        };
    cut.audit = new Recorded(audited);
    keep("https://forgetful.example.com", "DYNAMIC");
    keep("https://demo.example.com", "PRE_REGISTERED");
  }

  private void keep(String issuer, String source) {
    rows.put(
        OAuthClient.hash(issuer),
        new OAuthClient(
            new RegisteredClient(issuer, "client-" + source, source, Optional.empty()),
            "system",
            T0));
  }

  @Test
  void a_dynamic_registration_is_dropped_and_audited() {
    cut.drop("https://forgetful.example.com", "vendor answers invalid_client");

    assertThat(cut.all()).extracting(r -> r.issuer()).containsExactly("https://demo.example.com");
    assertThat(audited).hasSize(1);
    assertThat(audited.get(0).type()).isEqualTo(AuditEventType.CATALOG_OAUTH_CLIENT_DROPPED);
    assertThat(audited.get(0).details())
        .containsEntry("issuer", "https://forgetful.example.com")
        .containsEntry("source", "DYNAMIC")
        .containsEntry("reason", "vendor answers invalid_client");
  }

  @Test
  void a_pre_registered_client_stays_and_nothing_is_audited() {
    assertThatThrownBy(() -> cut.drop("https://demo.example.com", "x"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.code()).isEqualTo("OAUTH_CLIENT_PRE_REGISTERED"));
    assertThat(rows).hasSize(2);
    assertThat(audited).isEmpty();
  }

  @Test
  void only_the_exact_issuer_is_dropped() {
    for (String near :
        List.of("https://forgetful.example.com/", "HTTPS://forgetful.example.com", "forgetful")) {
      assertThatThrownBy(() -> cut.drop(near, "x"))
          .as(near)
          .isInstanceOfSatisfying(
              ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
    }
    assertThat(rows).hasSize(2);
  }

  /** Records what is fired; the CDI methods the registrations never use are not needed here. */
  private record Recorded(List<AuditEvent> events) implements Event<AuditEvent> {
    @Override
    public void fire(AuditEvent event) {
      events.add(event);
    }

    @Override
    public <U extends AuditEvent> CompletionStage<U> fireAsync(U event) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends AuditEvent> CompletionStage<U> fireAsync(
        U event, NotificationOptions options) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Event<AuditEvent> select(Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends AuditEvent> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends AuditEvent> Event<U> select(
        TypeLiteral<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }
  }
}

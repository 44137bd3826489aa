package io.claribi.connections.control.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeSelectionTest {

  private static ResourceMetadata resource(List<String> supported, String challenged) {
    return new ResourceMetadata(
        URI.create("https://mcp.example.com/mcp"),
        List.of("https://auth.example.com"),
        supported,
        Optional.ofNullable(challenged));
  }

  @Test
  void the_catalog_read_scopes_that_the_server_names_and_nothing_else() {
    var chosen =
        ScopeSelection.select(
            Set.of("payments:read", "customers:read"),
            resource(List.of("payments:read", "payments:write", "admin"), null),
            List.of());

    assertThat(chosen).containsExactly("payments:read");
  }

  @Test
  void a_write_scope_in_the_challenge_is_never_asked_for() {
    var chosen =
        ScopeSelection.select(
            Set.of("payments:read"), resource(List.of(), "payments:read payments:write"), null);

    assertThat(chosen).containsExactly("payments:read");
  }

  @Test
  void all_catalog_read_scopes_when_the_server_names_none() {
    var chosen = ScopeSelection.select(Set.of("a:read", "b:read"), resource(List.of(), null), null);

    assertThat(chosen).containsExactlyInAnyOrder("a:read", "b:read");
  }

  @Test
  void without_catalog_scopes_the_challenge_then_the_metadata_then_none() {
    assertThat(ScopeSelection.select(Set.of(), resource(List.of("x"), "y z"), null))
        .containsExactly("y", "z");
    assertThat(ScopeSelection.select(Set.of(), resource(List.of("x"), null), null))
        .containsExactly("x");
    assertThat(ScopeSelection.select(Set.of(), resource(List.of(), null), List.of("q"))).isEmpty();
  }
}

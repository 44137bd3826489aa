package io.claribi.connections.control.authorization;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which scopes a connection asks for. With read scopes in the catalog (the operator's review of the
 * vendor): exactly those of them the server names (in its challenge or metadata), or all of them if
 * it names none; never a scope the catalog does not list. A vendor registered without scopes gets
 * the MCP specification's choice: the challenge's scope, else the metadata's, else none (the
 * server's default).
 */
public final class ScopeSelection {

  private ScopeSelection() {}

  public static Set<String> select(
      Set<String> catalogReadScopes,
      ResourceMetadata resource,
      List<String> authorizationServerScopes) {
    Set<String> named = new LinkedHashSet<>();
    resource.challengedScope().ifPresent(scope -> named.addAll(split(scope)));
    named.addAll(resource.scopesSupported());
    if (authorizationServerScopes != null) {
      named.addAll(authorizationServerScopes);
    }
    if (!catalogReadScopes.isEmpty()) {
      if (named.isEmpty()) {
        return Set.copyOf(catalogReadScopes);
      }
      Set<String> chosen = new LinkedHashSet<>(catalogReadScopes);
      chosen.retainAll(named);
      return chosen;
    }
    Optional<String> challenged = resource.challengedScope();
    if (challenged.isPresent()) {
      return new LinkedHashSet<>(split(challenged.get()));
    }
    return new LinkedHashSet<>(resource.scopesSupported());
  }

  /** The scopes of a space-separated scope string. */
  public static List<String> split(String scope) {
    return Arrays.stream(scope.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
  }
}

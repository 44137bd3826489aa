package io.claribi.platform.api;

import jakarta.enterprise.inject.Instance;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.SecurityContext;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the container tells {@link VerifiedCaller} about a console sign-in: the authenticated name,
 * and the console users that name can be looked up in. Stubs through proxies, since only two
 * methods of each interface are ever asked.
 */
final class ConsoleSession {

  private ConsoleSession() {}

  /** The container authenticated {@code name} (as Liberty does from its sign-on cookie). */
  static SecurityContext signedInAs(String name) {
    return (SecurityContext)
        Proxy.newProxyInstance(
            ConsoleSession.class.getClassLoader(),
            new Class<?>[] {SecurityContext.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getCallerPrincipal" -> name == null ? null : new CallerPrincipal(name);
                  case "getPrincipalsByType" -> Set.of();
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  static Instance<ConsoleUsers> users(ConsolePrincipal... known) {
    return sources(source(known));
  }

  /** One identity source that knows these principals. */
  static ConsoleUsers source(ConsolePrincipal... known) {
    Map<String, ConsolePrincipal> byName = new java.util.HashMap<>();
    for (ConsolePrincipal principal : known) {
      byName.put(principal.getName(), principal);
    }
    return name -> Optional.ofNullable(byName.get(name));
  }

  /** Several identity sources side by side, as CDI offers them to {@link VerifiedCaller}. */
  @SuppressWarnings("unchecked")
  static Instance<ConsoleUsers> sources(ConsoleUsers... sources) {
    return (Instance<ConsoleUsers>)
        Proxy.newProxyInstance(
            ConsoleSession.class.getClassLoader(),
            new Class<?>[] {Instance.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "isUnsatisfied" -> false;
                  case "stream" -> java.util.Arrays.stream(sources);
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}

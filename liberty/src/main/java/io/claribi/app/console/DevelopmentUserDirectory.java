package io.claribi.app.console;

import io.claribi.platform.api.ConsolePrincipal;
import io.claribi.platform.api.ConsoleUsers;
import io.claribi.platform.api.OrganizationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * Reads the development console users from MicroProfile Config:
 *
 * <pre>
 * claribi.console.dev-users.enabled=true                (CLARIBI_CONSOLE_DEV_USERS_ENABLED)
 * claribi.console.dev-users=acme-admin,operator
 * claribi.console.dev-user.acme-admin.organization=acme
 * claribi.console.dev-user.acme-admin.groups=org-admin,integrator
 * claribi.console.dev-user.acme-admin.password-hash=PBKDF2WithHmacSHA256:...
 * </pre>
 *
 * Enabled defaults to false, so a production server has no users here unless told otherwise; with
 * the OpenID Connect sign-in configured they are off whatever it says.
 */
@ApplicationScoped
public class DevelopmentUserDirectory implements ConsoleUsers {

  static final String ENABLED = "claribi.console.dev-users.enabled";
  static final String NAMES = "claribi.console.dev-users";
  static final String USER = "claribi.console.dev-user.";

  @Inject Config config;

  /** Enabled, and the console does not sign in with an identity provider (decision 50). */
  boolean enabled() {
    return config.getOptionalValue(ENABLED, Boolean.class).orElse(false)
        && !ProviderSignInSettings.configured(key -> config.getOptionalValue(key, String.class));
  }

  List<String> names() {
    return config
        .getOptionalValue(NAMES, String.class)
        .map(list -> Arrays.stream(list.split(",")).map(String::strip))
        .orElseGet(java.util.stream.Stream::empty)
        .filter(name -> !name.isEmpty())
        .toList();
  }

  /** A known user as the identity they sign in with; nobody while the users are disabled. */
  @Override
  public Optional<ConsolePrincipal> find(String name) {
    if (!enabled()) {
      return Optional.empty();
    }
    return user(name).map(DevelopmentUserDirectory::principal);
  }

  /** The identity a known user signs in as: the one place their organization is attached. */
  static ConsolePrincipal principal(DevelopmentUser known) {
    return new ConsolePrincipal(
        known.name(), new OrganizationId(known.organization()), known.groups());
  }

  Optional<DevelopmentUser> user(String name) {
    if (name == null || !names().contains(name)) {
      return Optional.empty();
    }
    return Optional.of(
        new DevelopmentUser(
            name,
            value(name, "organization"),
            groups(value(name, "groups")),
            value(name, "password-hash")));
  }

  private String value(String name, String key) {
    return config.getOptionalValue(USER + name + "." + key, String.class).orElse(null);
  }

  private static Set<String> groups(String list) {
    if (list == null) {
      return Set.of();
    }
    return Arrays.stream(list.split(","))
        .map(String::strip)
        .filter(group -> !group.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}

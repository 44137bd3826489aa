package io.claribi.app.console;

import io.claribi.platform.api.OrganizationId;
import java.util.Objects;
import java.util.Set;

/** One development console user as configured: never a plain-text password, only its hash. */
record DevelopmentUser(String name, String organization, Set<String> groups, String passwordHash) {

  DevelopmentUser {
    Objects.requireNonNull(name, "name");
    if (!OrganizationId.isValid(organization)) {
      throw new IllegalArgumentException("Console user " + name + " has no valid organization");
    }
    groups = Set.copyOf(groups);
    if (passwordHash == null || !passwordHash.startsWith("PBKDF2With")) {
      throw new IllegalArgumentException(
          "Console user " + name + " needs a PBKDF2 password hash, never a plain password");
    }
  }
}

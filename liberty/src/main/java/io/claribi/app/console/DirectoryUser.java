package io.claribi.app.console;

import io.claribi.platform.api.OrganizationId;
import java.util.Objects;
import java.util.Set;

/** A directory entry that may use the console: its organization and its product roles. */
record DirectoryUser(String name, OrganizationId organization, Set<String> roles) {

  DirectoryUser {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(organization, "organization");
    roles = Set.copyOf(roles);
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("A console user needs a role");
    }
  }
}

package io.claribi.platform.api;

import jakarta.security.enterprise.CallerPrincipal;
import java.util.Objects;
import java.util.Set;

/**
 * A person signed in to the console, as the identity store that checked their password (or the
 * identity provider) describes them: their name, their organization and their groups.
 *
 * <p>The organization is part of the identity, never of a request: {@link VerifiedCaller} reads it
 * from here when the request carries no bearer token. An architecture test names the classes that
 * may create one.
 */
public final class ConsolePrincipal extends CallerPrincipal {

  private static final long serialVersionUID = 1L;

  private final OrganizationId organization;
  private final Set<String> groups;

  public ConsolePrincipal(String name, OrganizationId organization, Set<String> groups) {
    super(Objects.requireNonNull(name, "name"));
    this.organization = Objects.requireNonNull(organization, "organization");
    this.groups = Set.copyOf(groups);
  }

  public OrganizationId organization() {
    return organization;
  }

  public Set<String> groups() {
    return groups;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ConsolePrincipal that
        && getName().equals(that.getName())
        && organization.equals(that.organization)
        && groups.equals(that.groups);
  }

  @Override
  public int hashCode() {
    return Objects.hash(getName(), organization, groups);
  }

  @Override
  public String toString() {
    return "ConsolePrincipal[" + getName() + " of " + organization + "]";
  }
}

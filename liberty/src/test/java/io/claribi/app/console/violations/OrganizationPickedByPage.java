package io.claribi.app.console.violations;

import io.claribi.platform.api.ConsolePrincipal;
import io.claribi.platform.api.OrganizationId;
import jakarta.inject.Named;
import java.util.Set;

/**
 * Counter-example for ConsoleIdentityTest: a page bean that makes its own console identity, with an
 * organization a page parameter chose.
 */
@Named
public class OrganizationPickedByPage {

  private String organization;

  public void setOrganization(String organization) {
    this.organization = organization;
  }

  ConsolePrincipal caller(String name) {
    return new ConsolePrincipal(name, new OrganizationId(organization), Set.of("org-admin"));
  }
}

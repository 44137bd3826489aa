package io.claribi.tiering.boundary.violations;

import jakarta.inject.Named;

/**
 * Deliberate violation for OrganizationFromTokenTest: a JSF bean whose organization a page can set,
 * e.g. from {@code <f:viewParam name="org" value="#{organizationFromViewBean.organizationId}"/>}.
 */
@Named
public class OrganizationFromViewBean {

  private String organizationId;

  public String getOrganizationId() {
    return organizationId;
  }

  public void setOrganizationId(String organizationId) {
    this.organizationId = organizationId;
  }
}

package io.claribi.credentials.boundary;

import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.VerifiedCaller;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import java.util.Optional;

/**
 * In-container tests only: the caller whose organization a test acts for, in place of the JWT that
 * an Arquillian request does not carry. Token verification itself is tested over HTTP.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@RequestScoped
public class ActingCaller extends VerifiedCaller {

  private OrganizationId organization;

  public void actFor(OrganizationId organization) {
    this.organization = organization;
  }

  @Override
  public OrganizationId organization() {
    return organization;
  }

  @Override
  public Optional<String> organizationClaim() {
    return Optional.ofNullable(organization).map(OrganizationId::value);
  }

  @Override
  public String actor() {
    return "in-container-test";
  }

  @Override
  public boolean isInRole(String role) {
    return false;
  }

  @Override
  public boolean isAuthenticated() {
    return organization != null;
  }
}

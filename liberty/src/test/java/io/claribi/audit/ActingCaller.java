package io.claribi.audit;

import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.VerifiedCaller;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Optional;
import java.util.Set;

/**
 * Test only, in the Arquillian test WAR: stands in for the verified token so in-container tests can
 * act as an organization's admin or a platform operator and drive the real facades. The product WAR
 * never contains it.
 */
@Alternative
@Priority(1000)
@RequestScoped
public class ActingCaller extends VerifiedCaller {

  private static volatile String organization;
  private static volatile String subject;
  private static volatile Set<String> roles = Set.of();
  private static final ThreadLocal<String> THREAD_ORGANIZATION = new ThreadLocal<>();

  public static void actAs(String org, String role) {
    organization = org;
    subject = "user@" + org;
    roles = Set.of(role);
  }

  /** Lets one thread act for another organization than the others (benchmarks). */
  public static void actInThisThreadFor(String org) {
    THREAD_ORGANIZATION.set(org);
  }

  private static String current() {
    String own = THREAD_ORGANIZATION.get();
    return own != null ? own : organization;
  }

  @Override
  public OrganizationId organization() {
    return new OrganizationId(current());
  }

  @Override
  public Optional<String> organizationClaim() {
    return Optional.of(current());
  }

  @Override
  public String actor() {
    return subject;
  }

  @Override
  public boolean isInRole(String role) {
    return roles.contains(role);
  }

  @Override
  public boolean isAuthenticated() {
    return true;
  }
}

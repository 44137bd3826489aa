package io.claribi.platform.api;

/**
 * Tenant-scoped data was touched without an organization from a verified token. Without this guard
 * EclipseLink would store {@code organization_id = NULL} on writes.
 */
public class NoOrganizationBoundException extends ProblemException {

  private static final long serialVersionUID = 1L;

  public NoOrganizationBoundException(String detail) {
    super(401, "ORGANIZATION_REQUIRED", "Organization required", detail);
  }
}

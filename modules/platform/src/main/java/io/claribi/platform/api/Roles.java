package io.claribi.platform.api;

/** The roles of the public contract; the {@code groups} claim of a token maps onto them. */
public final class Roles {

  public static final String ORG_ADMIN = "org-admin";
  public static final String INTEGRATOR = "integrator";
  public static final String PLATFORM_OPERATOR = "platform-operator";

  private Roles() {}
}

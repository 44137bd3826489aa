package io.claribi.platform.api;

/**
 * The order of {@code @Observes @Priority(...) Startup} observers across contexts: a missing secret
 * stops the start before the database is touched, and jobs resume only on a migrated schema.
 */
public final class StartupOrder {

  /** Secrets that the application refuses to start without (the credential key ring). */
  public static final int SECRETS = 100;

  /** Liquibase migrations. */
  public static final int SCHEMA = 1000;

  /** Reference data shipped in the jars, applied to the migrated schema (the catalog file). */
  public static final int REFERENCE_DATA = 1500;

  /** Background jobs that resume unfinished work (key rotation). */
  public static final int JOBS = 2000;

  private StartupOrder() {}
}

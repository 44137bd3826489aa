package io.claribi.architecture;

/** The bounded contexts as the architecture tests see them. */
final class Contexts {

  /** Every context, the WAR's {@code app} package and the dev tools live under this package. */
  static final String ROOT = "io.claribi";

  /** A context's top package, captured as the slice or module name. */
  static final String CONTEXT = "io.claribi.(*)..";

  /** Contexts whose rows belong to one organization. Catalog is global; platform is the kernel. */
  static final String[] TENANT_SCOPED = {
    "io.claribi.tiering..",
    "io.claribi.credentials..",
    "io.claribi.connections..",
    "io.claribi.uploads..",
    "io.claribi.gateway..",
    "io.claribi.audit.."
  };

  private Contexts() {}
}

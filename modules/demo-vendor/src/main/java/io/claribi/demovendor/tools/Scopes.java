package io.claribi.demovendor.tools;

/** The OAuth scopes Acme's tools require. */
public final class Scopes {

  public static final String READ = "payments:read";
  public static final String WRITE = "payments:write";

  /**
   * Where the bearer-token filter leaves the validated token's scopes (a {@code Set<String>}) on
   * the request, and the MCP transport context carries them to the tool handlers.
   */
  public static final String GRANTED = "io.claribi.demovendor.granted-scopes";

  private Scopes() {}
}

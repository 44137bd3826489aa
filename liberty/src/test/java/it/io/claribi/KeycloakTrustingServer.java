package it.io.claribi;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A second Liberty server with the same WAR, configured for the test Keycloak as docs/operations.md
 * tells an operator: its tokens on the REST API and the MCP endpoint ("Tokens of your identity
 * provider") and its sign-in on the console ("Signing in with OpenID Connect"). It shares the first
 * server's PostgreSQL database, so organizations set up there with development tokens are the ones
 * the Keycloak users act for. Started on first use in the test JVM, for every test class that needs
 * it, and discarded with Keycloak when the JVM ends.
 */
final class KeycloakTrustingServer {

  static final int PORT = Integer.getInteger("claribi.http.port", 9080) + 7;
  static final String BASE = "http://localhost:" + PORT;
  static final String MCP = BASE + "/mcp";

  /** The realm's confidential client for the console (src/test/resources/keycloak). */
  static final String CONSOLE_CLIENT = "claribi-console";

  static final String CONSOLE_SECRET = "console-secret";

  private static KeycloakTrustingServer running;

  final Keycloak keycloak;
  private final LibertyServer server;

  private KeycloakTrustingServer(Keycloak keycloak, LibertyServer server) {
    this.keycloak = keycloak;
    this.server = server;
  }

  /** Keycloak and the server that trusts it, started once per JVM; PostgreSQL profile only. */
  static synchronized KeycloakTrustingServer started() throws Exception {
    if (running == null) {
      Api.awaitTokensAccepted(Duration.ofSeconds(60));
      Keycloak keycloak = Keycloak.started(BASE);
      Gateway.organizationOn(keycloak.organizationA, "ENTERPRISE");
      Gateway.organizationOn(keycloak.organizationB, "ENTERPRISE");
      LibertyServer server = start();
      running = new KeycloakTrustingServer(keycloak, server);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      server.stop();
                      server.keepLogs("keycloak-trusting-server-logs"); // for a failure's reader
                      server.discard();
                    } catch (Exception e) {
                      // the JVM ends; the build's clean removes what is left
                    }
                  }));
    }
    return running;
  }

  private static LibertyServer start() throws Exception {
    LibertyServer first = LibertyServer.underTest();
    LibertyServer second = LibertyServer.copyOfUnderTest(first.directory().getFileName() + "-oidc");
    // the same credential key (the connection's tokens were sealed by the first server), but not
    // the development token key: this server trusts Keycloak only
    second.copyFrom(first, "resources");
    Set<String> replaced =
        Set.of(
            "HTTP_PORT",
            "HTTPS_PORT",
            "MP_JWT_VERIFY_ISSUER",
            "CLARIBI_DEV_TOKENS_ALLOWED",
            "CLARIBI_MCP_RESOURCE",
            "CLARIBI_CONNECTIONS_PUBLIC_URL",
            "DEMO_VENDOR_AUTH_PORT",
            "DEMO_VENDOR_CONTROL_ENABLED");
    List<String> environment = new ArrayList<>();
    for (String line : Files.readAllLines(first.directory().resolve("server.env"))) {
      if (!replaced.contains(line.split("=", 2)[0])) {
        environment.add(line);
      }
    }
    environment.addAll(
        List.of(
            "HTTP_PORT=" + PORT,
            "HTTPS_PORT=" + (PORT + 1),
            // what docs/operations.md tells an operator to set for Keycloak's tokens
            "MP_JWT_VERIFY_ISSUER=" + Keycloak.ISSUER,
            "MP_JWT_VERIFY_PUBLICKEY_LOCATION=" + Keycloak.JWKS,
            "CLARIBI_TOKEN_ORGANIZATION_CLAIM=organization",
            "CLARIBI_TOKEN_GROUPS_CLAIM=claribi_roles",
            "CLARIBI_MCP_RESOURCE=" + MCP,
            "CLARIBI_CONNECTIONS_PUBLIC_URL=" + BASE,
            // ...and for the console's sign-in: the claim names are the ones above; a provider
            // group of another name is mapped to the admin role
            "CLARIBI_CONSOLE_OIDC_ISSUER=" + Keycloak.ISSUER,
            "CLARIBI_CONSOLE_OIDC_CLIENT_ID=" + CONSOLE_CLIENT,
            "CLARIBI_CONSOLE_OIDC_CLIENT_SECRET=" + CONSOLE_SECRET,
            "CLARIBI_CONSOLE_OIDC_ADMIN_GROUPS=org-admin,bi-administrators",
            "CLARIBI_CONSOLE_OIDC_DISPLAY_NAME=Keycloak",
            // plain HTTP on loopback, like the first server (a liberty.var of the build there)
            "CONSOLE_COOKIES_SECURE=false",
            // the expiry test waits for a 2-second token to be past its exp
            "CLARIBI_TOKEN_CLOCK_SKEW=1s",
            // a removed signing key stops working within 3 s instead of 5 min
            "CLARIBI_TOKEN_JWKS_REFRESH=PT3S",
            // two nodes on this machine's PostgreSQL (100 connections)
            "DB_POOL_SIZE=8",
            "FENCE_POOL_SIZE=8"));
    second.prepare(environment);
    second.start();
    LibertyServer.awaitReady(BASE, Duration.ofSeconds(180));
    return second;
  }
}

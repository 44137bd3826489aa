package io.claribi.demovendor.auth;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.NettyWrapper;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Acme's OAuth 2.1 authorization server: mock-oauth2-server embedded in this WAR, on Netty, bound
 * to 127.0.0.1 only. The issuer is {@code http://127.0.0.1:<port>/acme}; the mock derives the
 * issuer from the Host header, so clients must call it as 127.0.0.1 (a token fetched through
 * "localhost" names another issuer and is refused by the resource server).
 */
public final class AuthorizationServer {

  public static final String HOST = "127.0.0.1";

  private final int port;
  private final long tokenLifetimeSeconds;
  // Where the live refresh tokens are kept across restarts (RememberedGrants); none in tests.
  private final Path grantsFile;
  // Kept across restarts, so tokens issued before a restart still verify against the JWKS.
  private final OAuth2TokenProvider tokenProvider = new OAuth2TokenProvider();
  // Its revocation endpoint; kept across restarts with its log and its outage switch.
  private final RevocationDesk revocations = new RevocationDesk();
  // What its token endpoint was shown in refresh grants; kept across restarts too.
  private final RefreshLedger refreshes = new RefreshLedger();
  private MockOAuth2Server server;

  public AuthorizationServer(int port, long tokenLifetimeSeconds) {
    this(port, tokenLifetimeSeconds, null);
  }

  public AuthorizationServer(int port, long tokenLifetimeSeconds, Path grantsFile) {
    this.port = port;
    this.tokenLifetimeSeconds = tokenLifetimeSeconds;
    this.grantsFile = grantsFile;
  }

  public synchronized void start() {
    ScopedTokenCallback callback = new ScopedTokenCallback(tokenLifetimeSeconds);
    OAuth2Config config =
        new OAuth2Config(
            false,
            null,
            null,
            true, // rotates refresh tokens: a spent one is refused, as strict vendors do
            tokenProvider,
            Set.of(callback),
            new NettyWrapper());
    MockOAuth2Server starting = new MockOAuth2Server(config, revocations);
    revocations.serve(RememberedGrants.attach(starting, grantsFile, callback, refreshes));
    try {
      starting.start(InetAddress.getByName(HOST), port);
    } catch (java.io.IOException e) {
      shutdownQuietly(starting);
      throw new IllegalStateException("Cannot bind the authorization server to " + HOST, e);
    }
    server = starting;
  }

  /**
   * The vendor revokes every grant it ever made (as when a user removes the app at the vendor):
   * every refresh token is refused from now on, while access tokens stay valid until they expire.
   * The mock keeps its grants in memory (and in the grants file), so this empties the file and
   * restarts it with the same signing keys.
   */
  public synchronized void forgetGrants() {
    stop();
    if (grantsFile != null) {
      RememberedGrants.forget(grantsFile);
    }
    // Netty releases the port shortly after shutdown returns: wait for it, at most five seconds.
    for (int attempt = 1; ; attempt++) {
      try {
        start();
        return;
      } catch (IllegalStateException portStillTaken) {
        if (attempt == 50) {
          throw portStillTaken;
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw portStillTaken;
        }
      }
    }
  }

  private static void shutdownQuietly(MockOAuth2Server halfStarted) {
    try {
      halfStarted.shutdown();
    } catch (RuntimeException ignored) {
      // it never listened
    }
  }

  public synchronized void stop() {
    if (server != null) {
      server.shutdown();
      server = null;
    }
  }

  /**
   * {@code demo.vendor.grants.file} (env {@code DEMO_VENDOR_GRANTS_FILE}), by default {@code
   * demo-vendor/grants} under the server's working directory, which Liberty sets to its output
   * directory ({@code wlp/usr/servers/claribi}): kept across restarts, removed by {@code mvn
   * clean}.
   */
  public static Path grantsFile() {
    return Path.of(
        ConfigProvider.getConfig(AuthorizationServer.class.getClassLoader())
            .getOptionalValue("demo.vendor.grants.file", String.class)
            .orElse("demo-vendor/grants"));
  }

  public String issuer() {
    return issuer(port);
  }

  /** The revocation endpoint's log and outage switch. */
  public RevocationDesk revocations() {
    return revocations;
  }

  /** What the token endpoint was shown in refresh grants. */
  public RefreshLedger refreshes() {
    return refreshes;
  }

  public static String issuer(int port) {
    return "http://" + HOST + ":" + port + "/" + ScopedTokenCallback.ISSUER_ID;
  }

  public String jwksUri() {
    return issuer() + "/jwks";
  }
}

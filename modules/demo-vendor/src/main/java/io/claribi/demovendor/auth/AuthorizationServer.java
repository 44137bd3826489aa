package io.claribi.demovendor.auth;

import java.net.InetAddress;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.NettyWrapper;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

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
  // Kept across restarts, so tokens issued before a restart still verify against the JWKS.
  private final OAuth2TokenProvider tokenProvider = new OAuth2TokenProvider();
  private MockOAuth2Server server;

  public AuthorizationServer(int port, long tokenLifetimeSeconds) {
    this.port = port;
    this.tokenLifetimeSeconds = tokenLifetimeSeconds;
  }

  public synchronized void start() {
    OAuth2Config config =
        new OAuth2Config(
            false,
            null,
            null,
            true, // rotates refresh tokens: a spent one is refused, as strict vendors do
            tokenProvider,
            Set.of(new ScopedTokenCallback(tokenLifetimeSeconds)),
            new NettyWrapper());
    MockOAuth2Server starting = new MockOAuth2Server(config);
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
   * The mock keeps its grants in memory only, so this restarts it with the same signing keys.
   */
  public synchronized void forgetGrants() {
    stop();
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

  public String issuer() {
    return issuer(port);
  }

  public static String issuer(int port) {
    return "http://" + HOST + ":" + port + "/" + ScopedTokenCallback.ISSUER_ID;
  }

  public String jwksUri() {
    return issuer() + "/jwks";
  }
}

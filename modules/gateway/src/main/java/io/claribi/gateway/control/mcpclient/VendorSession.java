package io.claribi.gateway.control.mcpclient;

import io.claribi.credentials.api.Credential;
import io.claribi.gateway.control.GatewaySettings;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import reactor.util.context.Context;

/**
 * One MCP session with one vendor for one connection, shared by the calls through it. It never
 * holds a token: a call's requests take the credential lent to that call, and what the SDK sends on
 * its own borrows one ({@link VendorTransport}).
 *
 * <p>A session that must go is retired: new calls open a fresh one, and it closes when its last
 * call has returned, so one call's failure never cuts off the calls still waiting on it. It closes
 * with that last call's credential, so even its closing {@code DELETE} carries the token.
 */
final class VendorSession {

  private static final ThreadLocal<Credential> LENT = new ThreadLocal<>();

  private final URI server;
  private final VendorTransport transport;
  private final McpSyncClient client;
  private final Duration closeTimeout;

  private int inFlight;
  private boolean retired;
  private boolean tellVendor;
  private boolean closed;

  VendorSession(
      URI server,
      GatewaySettings settings,
      McpJsonMapper json,
      String version,
      Borrowing borrowing,
      Runnable toolsChanged) {
    this.server = server;
    this.closeTimeout = settings.connectTimeout();
    this.transport = new VendorTransport(server, settings, json, borrowing, toolsChanged);
    this.client =
        McpClient.sync(transport)
            .clientInfo(new McpSchema.Implementation("claribi", version))
            // No roots, sampling or elicitation: the SDK answers such requests from the vendor at
            // once with "method not found", and the answer goes out with a borrowed token.
            .capabilities(McpSchema.ClientCapabilities.builder().build())
            .requestTimeout(settings.callTimeout())
            .initializationTimeout(settings.callTimeout())
            .transportContextProvider(VendorSession::lentContext)
            .build();
  }

  URI server() {
    return server;
  }

  /** Joins the session for one exchange; false once it is retired (then open another). */
  synchronized boolean enter() {
    if (retired) {
      return false;
    }
    inFlight++;
    return true;
  }

  /**
   * Runs one exchange (after {@link #enter}) with the credential lent for exactly its length; the
   * last call out of a retired session closes it while its credential is still lent.
   */
  <T> T exchange(Credential credential, Function<McpSyncClient, T> exchange) {
    LENT.set(credential);
    try {
      return exchange.apply(client);
    } finally {
      try {
        if (leave()) {
          close(credential);
        }
      } finally {
        LENT.remove();
      }
    }
  }

  /**
   * Lets no new call in; closes now if none is under way, else when the last one returns. {@code
   * tellVendor}: send the closing {@code DELETE} (not when the vendor moved, so that the token
   * never goes to the old address).
   */
  void retire(boolean tellVendor) {
    synchronized (this) {
      if (retired) {
        return;
      }
      retired = true;
      this.tellVendor = tellVendor;
      if (inFlight > 0 || closed) {
        return;
      }
      closed = true;
    }
    closeWithout();
  }

  /**
   * Retires the session and closes it with this credential, still lent to the caller: now if no
   * call is under way (a disconnect, or the call that found it broken), else with the last one's.
   */
  void closeNow(Credential credential) {
    synchronized (this) {
      retired = true;
      tellVendor = true;
      if (inFlight > 0 || closed) {
        return; // the last call out closes it, with its own credential
      }
      closed = true;
    }
    close(credential);
  }

  private synchronized boolean leave() {
    inFlight--;
    if (retired && inFlight == 0 && !closed) {
      closed = true;
      return true;
    }
    return false;
  }

  private void close(Credential credential) {
    if (!tellVendor) {
      closeWithout();
      return;
    }
    try {
      transport
          .closeGracefully()
          .contextWrite(VendorTransport.lentTo(credential))
          .block(closeTimeout);
    } catch (RuntimeException vendorGone) {
      // The vendor may be gone; the session is forgotten either way.
    } finally {
      client.close();
    }
  }

  /** Closes without a credential: the DELETE is skipped (never sent without a token). */
  private void closeWithout() {
    try {
      transport.closeGracefully().contextWrite(Context.empty()).block(closeTimeout);
    } catch (RuntimeException vendorGone) {
      // nothing more to do
    } finally {
      client.close();
    }
  }

  private static McpTransportContext lentContext() {
    Credential credential = LENT.get();
    return credential == null
        ? McpTransportContext.EMPTY
        : VendorTransport.transportContext(credential);
  }
}

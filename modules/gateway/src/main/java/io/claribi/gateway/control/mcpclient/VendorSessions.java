package io.claribi.gateway.control.mcpclient;

import io.claribi.catalog.api.Catalog;
import io.claribi.catalog.api.DiscoveredTool;
import io.claribi.catalog.api.DiscoveryOutcome;
import io.claribi.catalog.api.OutboundPolicy;
import io.claribi.catalog.api.VendorId;
import io.claribi.catalog.api.VendorKind;
import io.claribi.credentials.api.Credential;
import io.claribi.gateway.api.VendorErrorException;
import io.claribi.gateway.control.GatewaySettings;
import io.claribi.gateway.control.allowlist.ResourcePermit;
import io.claribi.gateway.control.allowlist.ToolPermit;
import io.claribi.gateway.control.nativeapi.NativeConnector;
import io.claribi.gateway.control.nativeapi.NativeConnectors;
import io.claribi.gateway.control.nativeapi.NativeLimits;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.ProblemException;
import io.claribi.platform.api.TenantBinding;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpTransportSessionNotFoundException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The only door to vendors' MCP servers, and the only importer of the SDK's client (ArchUnit). A
 * {@code tools/call} goes out only with a {@link ToolPermit}; resources only with a {@link
 * ResourcePermit}; tool discovery is a listing and needs neither.
 *
 * <p>Sessions are kept per connection and shared; a session that failed at the transport is retired
 * (the next call opens a new one; the calls still on it finish on it), while a time-out, an
 * oversized or malformed reply fails only its own call. When the vendor announces that its tools
 * changed, they are listed again and recorded in the catalog at once.
 */
@ApplicationScoped
public class VendorSessions {

  /** Pages followed during discovery before a vendor is considered to be looping. */
  static final int MAX_PAGES = 1_000;

  @Inject GatewaySettings settings;
  @Inject OutboundPolicy outbound;
  @Inject CredentialLender lender;
  @Inject TenantBinding tenancy;
  @Inject Catalog catalog;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "claribi.catalog.max-tools-per-vendor", defaultValue = "2000")
  int maxTools;

  private final ConcurrentMap<ConnectionId, VendorSession> sessions = new ConcurrentHashMap<>();
  // Clients of connections whose vendor speaks 2026-07-28: no session, nothing open between calls.
  private final ConcurrentMap<ConnectionId, StatelessVendor> stateless = new ConcurrentHashMap<>();
  private VendorRevisions revisions;
  // Set when the application stops: a change notice arriving then starts no re-listing.
  private volatile boolean stopping;
  private final McpJsonMapper json = new JacksonMcpJsonMapper(JsonMapper.shared());

  /** What every native operation is; shown to operators as hints, like a vendor's. */
  static final String NATIVE_ANNOTATIONS =
      "{\"readOnlyHint\":true,\"destructiveHint\":false,\"idempotentHint\":true,"
          + "\"openWorldHint\":true}";

  private NativeConnectors natives;

  @PostConstruct
  void nativeConnectors() {
    revisions =
        new VendorRevisions(VendorRevisions.MAX_SERVERS, VendorRevisions.REMEMBERED_FOR, clock);
    natives =
        new NativeConnectors(
            NativeLimits.of(settings), outbound, settings::googleAdsDeveloperToken);
  }

  public VendorReply callTool(ToolPermit permit, Credential credential) {
    if (permit.kind() == VendorKind.NATIVE_OAUTH) {
      return callNative(permit, credential);
    }
    McpSchema.CallToolResult result =
        exchange(
            permit.connection(),
            permit.server(),
            permit.vendor().value(),
            credential,
            client ->
                client.callTool(new McpSchema.CallToolRequest(permit.tool(), permit.arguments())),
            vendor -> vendor.callTool(credential, permit.tool(), permit.arguments()));
    return new VendorReply(write(result), Boolean.TRUE.equals(result.isError()));
  }

  public VendorReply listResources(ResourcePermit permit, String cursor, Credential credential) {
    McpSchema.ListResourcesResult result =
        exchange(
            permit.connection(),
            permit.server(),
            permit.vendor().value(),
            credential,
            client -> client.listResources(cursor),
            vendor -> vendor.listResources(credential, cursor));
    return new VendorReply(write(result), false);
  }

  public VendorReply readResource(ResourcePermit permit, Credential credential) {
    String uri =
        permit.uri().orElseThrow(() -> new IllegalArgumentException("a listing permit: " + permit));
    McpSchema.ReadResourceResult result =
        exchange(
            permit.connection(),
            permit.server(),
            permit.vendor().value(),
            credential,
            client -> client.readResource(new McpSchema.ReadResourceRequest(uri)),
            vendor -> vendor.readResource(credential, uri));
    return new VendorReply(write(result), false);
  }

  /**
   * Every page of the vendor's {@code tools/list}, stopping with {@code VENDOR_TOOL_LIST_TOO_LARGE}
   * past {@code limit} tools or {@code VENDOR_RESPONSE_MALFORMED} on a cursor that repeats.
   */
  public List<DiscoveredTool> listTools(
      ConnectionId connection, URI server, String vendor, Credential credential, int limit) {
    return exchange(
        connection,
        server,
        vendor,
        credential,
        client -> allTools(vendor, limit, client::listTools),
        stateless -> allTools(vendor, limit, cursor -> stateless.listTools(credential, cursor)));
  }

  /** Every page of a listing, in either revision, bounded as {@link #listTools} says. */
  private List<DiscoveredTool> allTools(
      String vendor, int limit, Function<String, McpSchema.ListToolsResult> pages) {
    List<DiscoveredTool> tools = new ArrayList<>();
    Set<String> cursors = new HashSet<>();
    String cursor = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      McpSchema.ListToolsResult result = pages.apply(cursor);
      for (McpSchema.Tool tool : result.tools()) {
        if (tools.size() == limit) {
          throw new VendorErrorException(
              "VENDOR_TOOL_LIST_TOO_LARGE",
              vendor + " lists more than " + limit + " tools; nothing was recorded.");
        }
        tools.add(discovered(tool));
      }
      cursor = result.nextCursor();
      if (cursor == null || cursor.isEmpty()) {
        return tools;
      }
      if (!cursors.add(cursor)) {
        break;
      }
    }
    throw new VendorErrorException(
        "VENDOR_RESPONSE_MALFORMED", vendor + " paginates its tool list without an end.");
  }

  /**
   * A native connector's read operation: a REST request to the vendor's API (the connector checks
   * it against the outbound policy first, like an MCP session), with the lent token as its bearer.
   */
  private VendorReply callNative(ToolPermit permit, Credential credential) {
    NativeConnector connector = connector(permit.vendor().value());
    String result =
        connector.call(permit.server(), permit.tool(), permit.arguments(), credential::accessToken);
    return new VendorReply(result, false);
  }

  /**
   * A native connector's operations, as discovery records them. They are code, not a vendor's
   * answer, so listing them sends nothing; the catalog still decides each one (the shipped catalog
   * file allows them, reviewed with the code).
   */
  public List<DiscoveredTool> nativeTools(String vendor) {
    return discovered(connector(vendor));
  }

  /** A connector's operations as tools (the catalog file's shipped decisions are made on these). */
  public static List<DiscoveredTool> discovered(NativeConnector connector) {
    return connector.operations().stream()
        .map(
            op ->
                new DiscoveredTool(
                    op.name(), op.title(), op.description(), op.inputSchema(), NATIVE_ANNOTATIONS))
        .toList();
  }

  private NativeConnector connector(String vendor) {
    return natives
        .forVendor(vendor)
        .orElseThrow(
            () ->
                new VendorErrorException(
                    "CONNECTOR_UNKNOWN",
                    vendor
                        + " is a native connector this version of clariBI has no code for;"
                        + " nothing was sent."));
  }

  /**
   * Ends the connection's session, if it has one, with its closing {@code DELETE} carrying the
   * credential: for a disconnect, while the connection's call fence is held exclusively and the
   * credential still exists.
   */
  public void close(ConnectionId connection, Credential credential) {
    stateless.remove(connection);
    VendorSession session = sessions.remove(connection);
    if (session != null) {
      session.closeNow(credential);
    }
  }

  /**
   * Forgets the connection's session, if it still has one (after a disconnect has committed, or on
   * stop): no credential is left to send its {@code DELETE} with, so none is sent.
   */
  public void close(ConnectionId connection) {
    stateless.remove(connection);
    VendorSession session = sessions.remove(connection);
    if (session != null) {
      session.retire(false);
    }
  }

  /** Whether a session is open for the connection (for tests and the console). */
  public boolean hasSession(ConnectionId connection) {
    return sessions.containsKey(connection);
  }

  /**
   * On application stop: closes every session, then stops the SDK's Reactor schedulers. Reactor is
   * packaged in this application, and its scheduler threads outlive the application otherwise,
   * keeping its whole class loader (tens of megabytes) in the heap after every redeploy.
   */
  @PreDestroy
  void closeAll() {
    stopping = true;
    sessions.keySet().forEach(this::close);
    stateless.clear();
    Schedulers.shutdownNow();
  }

  /**
   * One exchange with the vendor in the revision its server speaks: discovered once per server URL
   * ({@link VendorRevisions}), then a session's exchange (2025) or a stateless one (2026-07-28).
   */
  private <T> T exchange(
      ConnectionId connection,
      URI server,
      String vendor,
      Credential credential,
      Function<McpSyncClient, T> inSession,
      Function<StatelessVendor, T> stateless) {
    VendorRevision revision =
        revisions.of(server, () -> discover(connection, server, vendor, credential));
    return revision == VendorRevision.STATELESS
        ? statelessExchange(connection, server, vendor, stateless)
        : sessionExchange(connection, server, vendor, credential, inSession);
  }

  /**
   * Asks the server for {@code server/discover} in 2026-07-28, with this call's credential (the
   * same token to the same URL as the exchange itself): its answer, or a refusal a 2025 server
   * gives, decides; anything else fails the call as that exchange would have failed.
   */
  private VendorRevision discover(
      ConnectionId connection, URI server, String vendor, Credential credential) {
    VendorRevision found;
    try {
      found = statelessClient(connection, server).discover(credential);
    } catch (ProblemException refused) {
      throw refused;
    } catch (RuntimeException failure) {
      found =
          VendorRevisions.refused(failure)
              .orElseThrow(
                  () -> VendorFailures.classify(failure, vendor, settings.retryAfterSeconds()));
    }
    if (found == VendorRevision.SESSIONS) {
      stateless.remove(connection); // its HTTP client is of no use to a sessions' vendor
    }
    return found;
  }

  private <T> T statelessExchange(
      ConnectionId connection, URI server, String vendor, Function<StatelessVendor, T> exchange) {
    try {
      return exchange.apply(statelessClient(connection, server));
    } catch (ProblemException refused) {
      throw refused;
    } catch (RuntimeException failure) {
      if (VendorRevisions.otherRevision(failure)) {
        revisions.forget(server); // the vendor may have gone back: ask again next time
      }
      throw VendorFailures.classify(failure, vendor, settings.retryAfterSeconds());
    }
  }

  private StatelessVendor statelessClient(ConnectionId connection, URI server) {
    StatelessVendor client =
        stateless.computeIfAbsent(
            connection,
            id -> {
              // Checked whenever a client is made: the address may resolve differently now.
              outbound.requireSafe(server.toString());
              return new StatelessVendor(server, settings, json, "1");
            });
    if (!client.server().equals(server)) {
      // The operator moved the vendor: never send this connection's token to the old address.
      stateless.remove(connection, client);
      return statelessClient(connection, server);
    }
    return client;
  }

  private <T> T sessionExchange(
      ConnectionId connection,
      URI server,
      String vendor,
      Credential credential,
      Function<McpSyncClient, T> exchange) {
    for (int attempt = 1; ; attempt++) {
      VendorSession session = enter(connection, server, vendor);
      try {
        return session.exchange(credential, exchange);
      } catch (ProblemException refused) {
        throw refused;
      } catch (RuntimeException failure) {
        if (VendorFailures.breaksSession(failure)) {
          // Closed now with this call's credential, still lent, or later by its last call.
          sessions.remove(connection, session);
          session.closeNow(credential);
          revisions.forget(server); // the vendor may have moved to 2026-07-28: ask again
        }
        // An expired session never ran the request: one more try on a fresh one.
        if (attempt == 1 && failure instanceof McpTransportSessionNotFoundException) {
          continue;
        }
        throw VendorFailures.classify(failure, vendor, settings.retryAfterSeconds());
      }
    }
  }

  /** The connection's session, joined for one exchange (a retired one is replaced). */
  private VendorSession enter(ConnectionId connection, URI server, String vendor) {
    while (true) {
      VendorSession session = session(connection, server, vendor);
      if (session.enter()) {
        return session;
      }
      sessions.remove(connection, session);
    }
  }

  private VendorSession session(ConnectionId connection, URI server, String vendor) {
    VendorSession session =
        sessions.computeIfAbsent(
            connection,
            id -> {
              // Checked again whenever a session opens: the address may resolve differently now.
              outbound.requireSafe(server.toString());
              Borrowing borrowing =
                  new Borrowing(lender, tenancy.organization(), id, () -> forget(id));
              return new VendorSession(
                  server,
                  settings,
                  json,
                  "1",
                  borrowing,
                  changeNotice(new Relisting(borrowing, this::relist, server, vendor)));
            });
    if (!session.server().equals(server)) {
      // The operator moved the vendor: never send this connection's token to the old address.
      abandon(connection, session);
      return session(connection, server, vendor);
    }
    return session;
  }

  private Runnable changeNotice(Relisting relisting) {
    return () -> {
      if (!stopping) {
        relisting.toolsChanged();
      }
    };
  }

  /**
   * The vendor said its tools changed: list them (bounded, like discovery) with a borrowed
   * credential and record them, so a changed tool is blocked at once.
   */
  private DiscoveryOutcome relist(Borrowing borrowing, URI server, String vendor, Credential lent) {
    // Stamped before asking: a slower re-list recorded after a newer one changes nothing.
    Instant requestedAt = clock.instant();
    List<DiscoveredTool> tools =
        listTools(borrowing.connection(), server, vendor, VendorTransport.usable(lent), maxTools);
    return catalog.recordDiscovery(new VendorId(vendor), tools, requestedAt);
  }

  /**
   * Lets the connection's session go without a DELETE once a borrow found the connection gone or
   * its token past use: nothing could be sent through it any more.
   */
  private void forget(ConnectionId connection) {
    VendorSession session = sessions.get(connection);
    if (session != null) {
      abandon(connection, session);
    }
  }

  /** Lets the session go without a DELETE (the vendor moved): its calls finish on it first. */
  private void abandon(ConnectionId connection, VendorSession session) {
    sessions.remove(connection, session);
    session.retire(false);
  }

  private String write(Object result) {
    try {
      return json.writeValueAsString(result);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private DiscoveredTool discovered(McpSchema.Tool tool) {
    return new DiscoveredTool(
        tool.name(),
        tool.title(),
        tool.description(),
        write(tool.inputSchema() == null ? java.util.Map.of() : tool.inputSchema()),
        tool.annotations() == null ? null : write(tool.annotations()));
  }
}

package io.claribi.gateway.boundary.mcp;

import io.claribi.platform.api.RequestCorrelation;
import io.claribi.platform.api.VerifiedCaller;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.modern.server.McpServer;
import io.modelcontextprotocol.modern.server.transport.HttpServletMcpTransport;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.ServerHttpHeaderValidator;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Serves {@code /mcp} for AI engines and its Protected Resource Metadata: registered in the WAR's
 * {@code web.xml} (which is metadata-complete, so no annotation would be seen). The SDK's
 * transports (2025 sessions; 2026-07-28 stateless) are built here and sit behind {@link
 * McpDispatcher}; the caller admitted there is handed to the handlers through the transport
 * context.
 */
public class McpEndpoint implements ServletContextListener {

  static final String PATH = "/mcp";

  @Inject McpSettings settings;
  @Inject McpTools tools;
  @Inject McpResources resources;
  @Inject McpToolChanges changes;
  @Inject VerifiedCaller caller;
  @Inject RequestCorrelation correlation;
  @Inject Clock clock;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    HttpServletStreamableServerTransportProvider transport =
        HttpServletStreamableServerTransportProvider.builder()
            .mcpEndpoint(PATH)
            .contextExtractor(McpEndpoint::admittedCaller)
            .build();
    transport.setSessionFactory(new McpSessionFactory(tools, resources, changes, requestTimeout()));
    McpSessions sessions =
        new McpSessions(
            settings.sessionsPerOrganization(), settings.sessionIdleTimeout(), clock, changes);
    ServletContext context = event.getServletContext();
    ServletRegistration.Dynamic mcp =
        context.addServlet(
            "mcp",
            new McpDispatcher(
                settings, caller, correlation, transport, statelessTransport(), sessions));
    mcp.setAsyncSupported(true); // the transport answers requests as server-sent events
    mcp.addMapping(PATH);
    context
        .addServlet("oauth-protected-resource", new ProtectedResourceMetadata(settings))
        .addMapping(
            "/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/*");
  }

  /**
   * The SDK's server for 2026-07-28 (stateless): it checks {@code _meta}, the revision and the
   * {@code Mcp-Method}/{@code MCP-Protocol-Version}/{@code Mcp-Name} headers and answers {@code
   * server/discover}; {@link StatelessTools} answers the tools and {@link
   * StatelessToolSubscriptions} the tool-list subscriptions. The {@code Origin} was checked by the
   * dispatcher already, with this product's setting and error.
   */
  private HttpServletMcpTransport statelessTransport() {
    McpServer server =
        McpServer.builder()
            .serverInfo(
                io.modelcontextprotocol.modern.McpSchema.Implementation.builder(
                        McpSessionFactory.SERVER_NAME, McpSessionFactory.SERVER_VERSION)
                    .title(McpSessionFactory.SERVER_TITLE)
                    .build())
            .instructions(McpSessionFactory.INSTRUCTIONS)
            .supportedVersions(List.of(McpRevisions.STATELESS))
            .feature(new StatelessTools(tools))
            .feature(new StatelessResources(resources))
            .feature(
                new StatelessToolSubscriptions(
                    tools, changes, settings.subscriptionsPerOrganization()))
            .requestStateCodec(new NoRequestState())
            .build();
    return HttpServletMcpTransport.builder(server)
        .endpoint(PATH)
        .contextExtractor(McpEndpoint::admittedCaller)
        .maxRequestSize(settings.maxRequestBytes())
        .httpHeaderValidator(ServerHttpHeaderValidator.NOOP)
        .build();
  }

  /** For requests from server to client, which this endpoint does not send (no sampling). */
  private static Duration requestTimeout() {
    return Duration.ofSeconds(30);
  }

  private static McpTransportContext admittedCaller(HttpServletRequest request) {
    Object admitted = request.getAttribute(McpCaller.KEY);
    return admitted instanceof McpCaller sender
        ? McpTransportContext.create(Map.of(McpCaller.KEY, sender))
        : McpTransportContext.EMPTY;
  }
}

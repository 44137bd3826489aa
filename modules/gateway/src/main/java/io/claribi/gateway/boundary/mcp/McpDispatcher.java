package io.claribi.gateway.boundary.mcp;

import io.claribi.platform.api.ProblemException;
import io.claribi.platform.api.RequestCorrelation;
import io.claribi.platform.api.Roles;
import io.claribi.platform.api.VerifiedCaller;
import io.modelcontextprotocol.json.McpJsonDefaults;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The servlet at {@code /mcp}. Every request passes here first: the {@code Origin} (DNS rebinding),
 * the bearer token (verified by MicroProfile JWT; its audience must be this resource), the {@code
 * org} claim, the role, the body size and the session's owner. Only then does one of the SDK's
 * transports see it, chosen by what the request asks for ({@link McpRevisions}): streamable HTTP
 * with sessions (2025-06-18, 2025-11-25) or the stateless one (2026-07-28), on the same URL
 * (decisions 0040, 0041).
 */
final class McpDispatcher extends HttpServlet {

  private static final long serialVersionUID = 1L;
  static final String SESSION_HEADER = "Mcp-Session-Id";
  static final String VERSION_HEADER = "MCP-Protocol-Version";

  private final transient McpSettings settings;
  private final transient VerifiedCaller caller;
  private final transient RequestCorrelation correlation;
  private final transient HttpServlet sessionsTransport;
  private final transient HttpServlet statelessTransport;
  private final transient McpSessions sessions;

  McpDispatcher(
      McpSettings settings,
      VerifiedCaller caller,
      RequestCorrelation correlation,
      HttpServlet sessionsTransport,
      HttpServlet statelessTransport,
      McpSessions sessions) {
    this.settings = settings;
    this.caller = caller;
    this.correlation = correlation;
    this.sessionsTransport = sessionsTransport;
    this.statelessTransport = statelessTransport;
    this.sessions = sessions;
  }

  @Override
  public void init(ServletConfig config) throws ServletException {
    super.init(config);
    sessionsTransport.init(config);
    statelessTransport.init(config);
  }

  @Override
  public void destroy() {
    sessionsTransport.destroy();
    statelessTransport.destroy();
    super.destroy();
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    correlation.start(request.getHeader(RequestCorrelation.HEADER), request.getRemoteAddr());
    response.setHeader(RequestCorrelation.HEADER, correlation.requestId());
    String origin = request.getHeader("Origin");
    if (origin != null && !settings.allowedOrigins().contains(origin)) {
      McpProblems.write(
          response,
          403,
          "ORIGIN_NOT_ALLOWED",
          "Origin not allowed",
          "Requests from this Origin are refused (claribi.mcp.allowed-origins).");
      return;
    }
    McpCaller sender = authenticate(request, response);
    if (sender == null) {
      return;
    }
    String version = request.getHeader(VERSION_HEADER);
    // A POST is judged with its message (post): a stateless one names its revision in _meta too.
    if (!"POST".equals(request.getMethod()) && McpRevisions.unserved(version, null, null)) {
      unsupportedVersion(response);
      return;
    }
    switch (request.getMethod()) {
      case "POST" -> post(request, response, sender);
      case "GET", "DELETE" -> {
        if (McpRevisions.STATELESS.equals(version)) {
          response.setHeader("Allow", "POST");
          McpProblems.write(
              response,
              405,
              "METHOD_NOT_ALLOWED",
              "Method not allowed",
              "MCP "
                  + version
                  + " is stateless: every request is a POST, with no stream to open"
                  + " and no session to end.");
          return;
        }
        if (sessionUsable(request, response, sender)) {
          sessionsTransport.service((jakarta.servlet.ServletRequest) request, response);
          if ("DELETE".equals(request.getMethod()) && response.getStatus() == 200) {
            sessions.closed(request.getHeader(SESSION_HEADER));
          }
        }
      }
      default -> {
        response.setHeader("Allow", "GET, POST, DELETE");
        McpProblems.write(
            response, 405, "METHOD_NOT_ALLOWED", "Method not allowed", "Use POST, GET or DELETE.");
      }
    }
  }

  private static void unsupportedVersion(HttpServletResponse response) throws IOException {
    McpProblems.write(
        response,
        400,
        "PROTOCOL_VERSION_UNSUPPORTED",
        "Protocol version not supported",
        "This endpoint serves MCP " + String.join(", ", McpRevisions.ALL) + ".");
  }

  /** The verified caller, or null once a refusal was written. */
  private McpCaller authenticate(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    caller.acceptBearerTokenOnly(); // a console session is not an MCP client
    String metadata = settings.metadataUrl();
    if (!(request.getUserPrincipal() instanceof JsonWebToken token) || !caller.hasBearerToken()) {
      McpProblems.unauthorized(
          response,
          metadata,
          request.getHeader("Authorization") == null ? null : "invalid_token",
          new ProblemException(
              401,
              "AUTHENTICATION_REQUIRED",
              "Authentication required",
              "A valid bearer token for " + settings.resource() + " is required."));
      return null;
    }
    if (token.getAudience() == null || !token.getAudience().contains(settings.resource())) {
      McpProblems.unauthorized(
          response,
          metadata,
          "invalid_token",
          new ProblemException(
              401,
              "AUTHENTICATION_REQUIRED",
              "Authentication required",
              "The token was not issued for " + settings.resource() + " (its audience)."));
      return null;
    }
    try {
      caller.requireValidIdentityClaims();
      McpCaller sender = new McpCaller(caller.organization(), caller.actor());
      if (!caller.isInRole(Roles.INTEGRATOR) && !caller.isInRole(Roles.ORG_ADMIN)) {
        McpProblems.insufficientScope(response, metadata);
        return null;
      }
      request.setAttribute(McpCaller.KEY, sender);
      return sender;
    } catch (ProblemException problem) {
      McpProblems.unauthorized(response, metadata, "invalid_token", problem);
      return null;
    }
  }

  private void post(HttpServletRequest request, HttpServletResponse response, McpCaller sender)
      throws ServletException, IOException {
    byte[] body = boundedBody(request);
    if (body == null) {
      McpProblems.write(
          response,
          413,
          "REQUEST_TOO_LARGE",
          "Request too large",
          "An MCP message may have at most " + settings.maxRequestBytes() + " bytes.");
      return;
    }
    BufferedRequest buffered = new BufferedRequest(request, body);
    Object message = parsed(body);
    String sessionId = buffered.getHeader(SESSION_HEADER);
    if (McpRevisions.unserved(buffered.getHeader(VERSION_HEADER), sessionId, message)) {
      unsupportedVersion(response);
      return;
    }
    if (McpRevisions.of(buffered.getHeader(VERSION_HEADER), sessionId, message)
        == McpRevisions.Road.STATELESS) {
      stateless(buffered, response, sessionId);
      return;
    }
    if (!isInitialize(message)) {
      if (sessionUsable(request, response, sender)) {
        sessionsTransport.service(buffered, response);
      }
      return;
    }
    for (String expired : sessions.expired()) {
      SdkSessionEnd.end(sessionsTransport, request, response, expired);
    }
    if (!sessions.mayOpen(sender.organization())) {
      McpProblems.write(
          response,
          429,
          "MCP_SESSIONS_EXHAUSTED",
          "Too many MCP sessions",
          "This organization has "
              + settings.sessionsPerOrganization()
              + " open MCP sessions, the most it may hold; close one (DELETE) or wait until one"
              + " has been idle for "
              + settings.sessionIdleTimeout()
              + ".");
      return;
    }
    // registered as the transport sets the session header, before the client can use the id
    sessionsTransport.service(
        buffered, new SessionIdResponse(response, id -> sessions.opened(id, sender)));
  }

  /**
   * Whether the request's session may be used by this caller; a session of another caller, an
   * unknown one and an expired one are all 404, which tells an MCP client to start anew.
   */
  private boolean sessionUsable(
      HttpServletRequest request, HttpServletResponse response, McpCaller sender)
      throws ServletException, IOException {
    String id = request.getHeader(SESSION_HEADER);
    if (id == null || id.isBlank()) {
      return true; // the transport answers 400 for a missing session id
    }
    McpSessions.Use use = sessions.use(id, sender);
    if (use == McpSessions.Use.OK) {
      return true;
    }
    if (use == McpSessions.Use.EXPIRED) {
      SdkSessionEnd.end(sessionsTransport, request, response, id);
    }
    McpProblems.write(
        response,
        404,
        "MCP_SESSION_NOT_FOUND",
        "Session not found",
        use == McpSessions.Use.EXPIRED
            ? "The MCP session was idle for longer than "
                + settings.sessionIdleTimeout()
                + " and has ended; initialize a new one."
            : "No such MCP session for this caller; initialize a new one.");
    return false;
  }

  /** The body, or null when it is larger than the limit (read no further than one byte past it). */
  private byte[] boundedBody(HttpServletRequest request) throws IOException {
    int limit = settings.maxRequestBytes();
    if (request.getContentLengthLong() > limit) {
      return null;
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(limit + 1);
      return body.length > limit ? null : body;
    }
  }

  /**
   * A stateless (2026-07-28) request: the SDK's transport checks the required headers against the
   * message and answers a mismatch with JSON-RPC {@code -32020} and 400.
   */
  private void stateless(HttpServletRequest request, HttpServletResponse response, String sessionId)
      throws ServletException, IOException {
    if (sessionId != null && !sessionId.isBlank()) {
      McpProblems.write(
          response,
          400,
          "MCP_SESSION_NOT_IN_REVISION",
          "No sessions in this revision",
          "MCP "
              + McpRevisions.STATELESS
              + " is stateless: send no Mcp-Session-Id, or speak "
              + String.join(" or ", McpSessionFactory.REVISIONS)
              + " to use the session.");
      return;
    }
    statelessTransport.service(request, response);
  }

  /** The JSON message, or null when the body is not JSON (the transports answer that). */
  private static Object parsed(byte[] body) {
    try {
      return McpJsonDefaults.getMapper().readValue(body, Object.class);
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
  }

  private static boolean isInitialize(Object message) {
    return message instanceof Map<?, ?> map && "initialize".equals(map.get("method"));
  }
}

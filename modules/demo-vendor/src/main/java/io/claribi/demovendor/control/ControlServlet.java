package io.claribi.demovendor.control;

import io.claribi.demovendor.Json;
import io.claribi.demovendor.auth.AuthorizationServer;
import io.claribi.demovendor.auth.RevocationDesk;
import io.claribi.demovendor.tools.AcmeServer;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test controls, {@code /control/*}: the request log, a tool's description at the vendor, the rug
 * pull of {@code list_customers} (with or without {@code list_changed}), a reset to the pristine
 * tools and data, the authorization server's revocations (their log, and an outage) and what its
 * token endpoint was shown in refresh grants. Off (404) unless enabled by configuration; loopback
 * callers only (403 otherwise).
 */
public final class ControlServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Pattern DESCRIPTION =
      Pattern.compile("^/tools/([a-z0-9_]{1,64})/description$");
  private static final int MAX_DESCRIPTION_BYTES = 64 * 1024;

  private final boolean enabled;
  private final transient RequestLog log;
  private final transient AcmeServer acme;
  private final transient AuthorizationServer authorization;
  private final transient ServerRequestControl serverRequests;

  public ControlServlet(
      boolean enabled, RequestLog log, AcmeServer acme, AuthorizationServer authorization) {
    this.enabled = enabled;
    this.log = log;
    this.acme = acme;
    this.authorization = authorization;
    this.serverRequests = new ServerRequestControl(acme.serverRequests());
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!enabled) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (!InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress()) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "Loopback callers only");
      return;
    }
    String path = Optional.ofNullable(request.getPathInfo()).orElse("/");
    String method = request.getMethod();
    Matcher description = DESCRIPTION.matcher(path);
    if (serverRequests.serve(path, request, response)) {
      return;
    }
    if ("/requests".equals(path) && "GET".equals(method)) {
      listRequests(request, response);
    } else if ("/requests".equals(path) && "DELETE".equals(method)) {
      log.clear();
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    } else if ("/reset".equals(path) && "POST".equals(method)) {
      acme.reset();
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    } else if ("/revocations".equals(path) && "GET".equals(method)) {
      List<RevocationDesk.Entry> entries = authorization.revocations().entries();
      writeJson(response, Map.of("count", entries.size(), "revocations", entries));
    } else if ("/revocations".equals(path) && "DELETE".equals(method)) {
      authorization.revocations().clear();
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    } else if ("/revocations/outage".equals(path) && "POST".equals(method)) {
      authorization.revocations().close();
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    } else if ("/revocations/outage".equals(path) && "DELETE".equals(method)) {
      authorization.revocations().open();
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    } else if ("/refreshes".equals(path) && "GET".equals(method)) {
      writeJson(response, authorization.refreshes().counts());
    } else if ("/refreshes".equals(path) && "DELETE".equals(method)) {
      authorization.refreshes().clear();
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    } else if ("/grants/forget".equals(path) && "POST".equals(method)) {
      authorization.forgetGrants();
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    } else if ("/rug-pull".equals(path) && "POST".equals(method)) {
      changed(response, acme.rugPull(notifies(request)), notifies(request));
    } else if ("/open-schema".equals(path) && "POST".equals(method)) {
      changed(response, acme.openSchema(notifies(request)), notifies(request));
    } else if (description.matches() && "PUT".equals(method)) {
      describe(description.group(1), request, response);
    } else {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }

  private void listRequests(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    List<RequestLog.Entry> entries =
        log.entries(Optional.ofNullable(request.getParameter("method")));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("count", entries.size());
    body.put("requests", entries);
    writeJson(response, body);
  }

  private void describe(String name, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    byte[] bytes = request.getInputStream().readNBytes(MAX_DESCRIPTION_BYTES + 1);
    if (bytes.length > MAX_DESCRIPTION_BYTES) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    var changed = acme.describe(name, text);
    if (changed.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such tool: " + name);
      return;
    }
    writeJson(response, Map.of("name", name, "description", changed.get().description()));
  }

  /** {@code ?notify=false} changes a tool without sending {@code list_changed}. */
  private static boolean notifies(HttpServletRequest request) {
    return !"false".equals(request.getParameter("notify"));
  }

  private static void changed(HttpServletResponse response, Tool tool, boolean notified)
      throws IOException {
    writeJson(
        response,
        Map.of("name", tool.name(), "description", tool.description(), "notified", notified));
  }

  private static void writeJson(HttpServletResponse response, Object body) throws IOException {
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(Json.MAPPER.writeValueAsString(body));
  }
}

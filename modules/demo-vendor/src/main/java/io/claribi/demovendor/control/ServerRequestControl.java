package io.claribi.demovendor.control;

import io.claribi.demovendor.Json;
import io.claribi.demovendor.tools.ServerRequests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The control switches for server-initiated requests ({@link ServerRequests}), kept apart from the
 * other controls:
 *
 * <ul>
 *   <li>{@code PUT /control/tools/{name}/server-request}, body {@code sampling}, {@code
 *       elicitation}, {@code roots} or {@code none}: what each call of the tool asks the client;
 *   <li>{@code GET /control/server-requests}: what the client answered, oldest first;
 *   <li>{@code DELETE /control/server-requests}: forgets the answers.
 * </ul>
 */
final class ServerRequestControl {

  private static final Pattern SWITCH =
      Pattern.compile("^/tools/([a-z0-9_]{1,64})/server-request$");
  private static final String ANSWERS = "/server-requests";
  private static final int MAX_BODY = 64;

  private final ServerRequests requests;

  ServerRequestControl(ServerRequests requests) {
    this.requests = requests;
  }

  /** Serves the request if it is one of these switches; false leaves it to the others. */
  boolean serve(String path, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String method = request.getMethod();
    Matcher toggle = SWITCH.matcher(path);
    if (toggle.matches() && "PUT".equals(method)) {
      toggle(toggle.group(1), request, response);
    } else if (ANSWERS.equals(path) && "GET".equals(method)) {
      List<ServerRequests.Answer> answers = requests.answers();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("count", answers.size());
      body.put("answers", answers);
      write(response, body);
    } else if (ANSWERS.equals(path) && "DELETE".equals(method)) {
      requests.clear();
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    } else {
      return false;
    }
    return true;
  }

  private void toggle(String tool, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    byte[] bytes = request.getInputStream().readNBytes(MAX_BODY + 1);
    String name = new String(bytes, StandardCharsets.UTF_8).trim();
    Optional<ServerRequests.Kind> kind = ServerRequests.Kind.named(name);
    if (bytes.length > MAX_BODY || (kind.isEmpty() && !"none".equals(name))) {
      response.sendError(
          HttpServletResponse.SC_BAD_REQUEST, "Body: sampling, elicitation, roots or none");
      return;
    }
    requests.ask(tool, kind);
    write(
        response, Map.of("name", tool, "server_request", kind.map(k -> k.method()).orElse("none")));
  }

  private static void write(HttpServletResponse response, Object body) throws IOException {
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(Json.MAPPER.writeValueAsString(body));
  }
}

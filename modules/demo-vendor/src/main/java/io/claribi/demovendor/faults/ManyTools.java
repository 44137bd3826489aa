package io.claribi.demovendor.faults;

import io.claribi.demovendor.Json;
import io.claribi.demovendor.control.JsonRpcRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * tools/list with {@link #TOOLS} distinct, valid tools in pages of {@link #PAGE_SIZE}. The SDK's
 * server returns every tool in one page and ignores the cursor, so this path answers tools/list
 * itself; the cursor is the index of the page's first tool.
 */
final class ManyTools {

  static final int TOOLS = 10_000;
  static final int PAGE_SIZE = 500;

  private ManyTools() {}

  static void page(JsonRpcRequest rpc, HttpServletResponse response) throws IOException {
    int first;
    try {
      first = rpc.cursor() == null ? 0 : Integer.parseInt(rpc.cursor());
    } catch (NumberFormatException e) {
      first = -1;
    }
    String body;
    if (first < 0 || first >= TOOLS || first % PAGE_SIZE != 0) {
      body =
          "{\"jsonrpc\":\"2.0\",\"id\":"
              + rpc.idJson()
              + ",\"error\":{\"code\":-32602,\"message\":\"Invalid cursor\"}}";
    } else {
      body = result(rpc.idJson(), first);
    }
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(body);
  }

  static String result(String idJson, int first) {
    List<Map<String, Object>> tools = new ArrayList<>(PAGE_SIZE);
    for (int i = first; i < first + PAGE_SIZE; i++) {
      tools.add(tool(i));
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("tools", tools);
    if (first + PAGE_SIZE < TOOLS) {
      result.put("nextCursor", Integer.toString(first + PAGE_SIZE));
    }
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + idJson
        + ",\"result\":"
        + Json.MAPPER.writeValueAsString(result)
        + "}";
  }

  private static Map<String, Object> tool(int i) {
    String name = String.format("report_%05d", i);
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put(
        "properties", Map.of("month", Map.of("type", "string", "pattern", "^[0-9]{4}-[0-9]{2}$")));
    schema.put("additionalProperties", false);
    Map<String, Object> tool = new LinkedHashMap<>();
    tool.put("name", name);
    tool.put("title", "Report " + i);
    tool.put("description", "Generated report number " + i + " of " + TOOLS + ".");
    tool.put("inputSchema", schema);
    tool.put("annotations", Map.of("readOnlyHint", true));
    return tool;
  }
}

package io.claribi.demovendor.faults;

import io.claribi.demovendor.control.JsonRpcRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

/** The ways a vendor's MCP server can misbehave, each breaking one kind of message. */
enum Fault {
  /** tools/call never answers: the request is parked (no thread held) for at most 120 s. */
  HANG("hang", "tools/call") {
    @Override
    void answer(JsonRpcRequest rpc, HttpServletRequest request, HttpServletResponse response) {
      Hang.park(request, response);
    }
  },
  /** tools/call answers 200 application/json with a body that is not JSON. */
  MALFORMED("malformed", "tools/call") {
    @Override
    void answer(JsonRpcRequest rpc, HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.setStatus(HttpServletResponse.SC_OK);
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write("{\"jsonrpc\": \"2.0\", \"id\": " + rpc.idJson() + ", \"result\": <not json>");
    }
  },
  /** tools/call answers a valid result whose text is 50 MiB, streamed, never held in memory. */
  HUGE("huge", "tools/call") {
    @Override
    void answer(JsonRpcRequest rpc, HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      HugeResult.write(rpc.idJson(), response);
    }
  },
  /** tools/list returns 10,000 distinct tools, 500 a page, with nextCursor. */
  MANY_TOOLS("many-tools", "tools/list") {
    @Override
    void answer(JsonRpcRequest rpc, HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      ManyTools.page(rpc, response);
    }
  };

  private final String path;
  private final String rpcMethod;

  Fault(String path, String rpcMethod) {
    this.path = path;
    this.rpcMethod = rpcMethod;
  }

  /** The fault of a path info such as {@code /hang/mcp} (2025) or {@code /hang/mcp-2026}. */
  static Optional<Fault> of(String pathInfo) {
    return Arrays.stream(values())
        .filter(
            f ->
                ("/" + f.path + "/mcp").equals(pathInfo)
                    || ("/" + f.path + "/mcp-2026").equals(pathInfo))
        .findFirst();
  }

  boolean breaks(String method) {
    return rpcMethod.equals(method);
  }

  abstract void answer(JsonRpcRequest rpc, HttpServletRequest request, HttpServletResponse response)
      throws IOException;
}

package io.claribi.gateway.control.nativeapi;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A vendor's native connector: a fixed list of read operations over its REST API. */
public interface NativeConnector {

  /** The catalog id of the vendor, e.g. {@code google-analytics}. */
  String vendorId();

  List<NativeOperation> operations();

  /**
   * Runs one read operation.
   *
   * @param base the vendor's API base URI (its catalog {@code serverUrl})
   * @param arguments the tool arguments as the MCP SDK delivers them
   * @param accessToken asked for once per request sent, and only after the arguments were accepted
   * @return an MCP {@code CallToolResult} as JSON text
   * @throws io.claribi.gateway.api.ToolNotAllowedException for an operation it does not have
   * @throws io.claribi.gateway.api.ArgumentInvalidException for arguments it refuses; nothing was
   *     sent
   * @throws io.claribi.platform.api.ProblemException for whatever the vendor answered instead
   */
  String call(
      URI base, String operation, Map<String, Object> arguments, Supplier<String> accessToken);
}

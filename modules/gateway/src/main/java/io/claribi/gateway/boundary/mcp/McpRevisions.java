package io.claribi.gateway.boundary.mcp;

import io.modelcontextprotocol.modern.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Which MCP revision a request to {@code /mcp} speaks, read from what it carries (decision 0041):
 * the {@code MCP-Protocol-Version} header naming 2026-07-28, or, without a session, a protocol
 * version in the message's {@code _meta}, make it a stateless request; a session id or an {@code
 * initialize} without either makes it a 2025 one.
 */
final class McpRevisions {

  /** The stateless revision, served by the SDK's {@code modern} server. */
  static final String STATELESS = McpSchema.LATEST_PROTOCOL_VERSION;

  /** Every revision this endpoint serves, newest first. */
  static final List<String> ALL =
      Stream.concat(Stream.of(STATELESS), McpSessionFactory.REVISIONS.stream()).toList();

  enum Road {
    SESSIONS,
    STATELESS
  }

  private McpRevisions() {}

  /**
   * The road of a request.
   *
   * @param versionHeader the {@code MCP-Protocol-Version} header, or null
   * @param sessionId the {@code Mcp-Session-Id} header, or null
   * @param message the parsed JSON-RPC message, or null when the body is not JSON
   */
  static Road of(String versionHeader, String sessionId, Object message) {
    if (STATELESS.equals(versionHeader)) {
      return Road.STATELESS;
    }
    if (sessionId != null && !sessionId.isBlank()) {
      return Road.SESSIONS;
    }
    return versionInMeta(message) ? Road.STATELESS : Road.SESSIONS;
  }

  /**
   * Whether the endpoint itself refuses the request's {@code MCP-Protocol-Version} (problem
   * details, 400). Not when the header names a revision it does not serve and a stateless message
   * without a session names the same one in {@code _meta}: 2026-07-28 requires the JSON-RPC
   * UnsupportedProtocolVersionError ({@code -32022} with the supported versions) for that, which
   * the SDK's stateless transport answers.
   */
  static boolean unserved(String versionHeader, String sessionId, Object message) {
    if (versionHeader == null || ALL.contains(versionHeader)) {
      return false;
    }
    boolean noSession = sessionId == null || sessionId.isBlank();
    return !(noSession && versionHeader.equals(metaVersion(message)));
  }

  private static Object metaVersion(Object message) {
    return message instanceof Map<?, ?> map
            && map.get("params") instanceof Map<?, ?> params
            && params.get("_meta") instanceof Map<?, ?> meta
        ? meta.get(McpSchema.MetaKeys.PROTOCOL_VERSION)
        : null;
  }

  private static boolean versionInMeta(Object message) {
    return message instanceof Map<?, ?> map
        && map.get("params") instanceof Map<?, ?> params
        && params.get("_meta") instanceof Map<?, ?> meta
        && meta.containsKey(McpSchema.MetaKeys.PROTOCOL_VERSION);
  }
}

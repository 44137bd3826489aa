package io.claribi.connections.api;

import io.claribi.platform.api.ConnectionId;
import java.time.Instant;
import java.util.Map;

/**
 * When the bound organization's connections were last used, as their tool calls' usage records
 * reach the audit trail. Written in the caller's transaction, so the time and the records commit
 * together; the time only moves forward.
 */
public interface ConnectionUse {

  /**
   * @param lastCalls the latest call time per connection of the bound organization; ids that name
   *     no connection (disconnected meanwhile, or an upload) are passed over
   */
  void used(Map<ConnectionId, Instant> lastCalls);
}

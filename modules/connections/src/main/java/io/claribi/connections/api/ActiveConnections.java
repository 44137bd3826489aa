package io.claribi.connections.api;

import io.claribi.platform.api.ConnectionId;
import java.util.List;
import java.util.Optional;

/**
 * Which connection a call goes through: the bound organization's connections, read in the caller's
 * transaction; another organization's are as absent as unknown ones.
 */
public interface ActiveConnections {

  Optional<ConnectionSummary> find(ConnectionId id);

  /** The bound organization's active connections, oldest first. */
  List<ConnectionSummary> active();

  /** The bound organization's active connections to one vendor, oldest first. */
  List<ConnectionSummary> activeAt(String vendor);

  /**
   * Up to {@code limit} active connections to a vendor in any organization, most recently activated
   * first: what the catalog may list the vendor's tools through (tool metadata is the same for
   * every tenant). The only question here that crosses tenants; it returns ids and nothing else.
   */
  List<OrganizationConnection> anyOrganizationsActiveAt(String vendor, int limit);
}

package io.claribi.connections.api;

import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.OrganizationId;

/** A connection named across organizations: ids only, to be read inside that organization. */
public record OrganizationConnection(OrganizationId organization, ConnectionId connection) {}

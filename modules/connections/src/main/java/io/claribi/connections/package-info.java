/**
 * Connections: an organization's connections to vendors (MCP servers and native connectors) and
 * their lifecycle: connect through the vendor's OAuth consent ({@code control.authorization}, the
 * OAuth client), the callback, token refresh, disconnect, and the connection lock that fences every
 * exchange against a disconnect. The console's Data sources and Tools pages.
 *
 * <p>May use: {@code platform}, {@code tiering}, {@code catalog}, {@code credentials}, {@code
 * uploads}, each through its {@code api}. Tenant-scoped. Used by the gateway, through {@code api}
 * only: which connection a call goes through ({@code ActiveConnections}) and one exchange with its
 * lent credential ({@code ConnectionExchange}); the gateway learns of activations and disconnects
 * from events.
 *
 * <p>Invariants: a disconnect deletes the connection and its credential row in one transaction,
 * under the connection's exclusive lock, so no exchange leaves for the vendor after it commits; an
 * exchange holds the lock shared from before the credential is read until the vendor answered; a
 * refresh token is spent once; a connect's state is single-use and names the organization.
 */
package io.claribi.connections;

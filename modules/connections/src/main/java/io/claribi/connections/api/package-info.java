/**
 * What other contexts may use of connections: which connection a call goes through ({@link
 * io.claribi.connections.api.ActiveConnections}), sending one exchange with its lent credential
 * ({@link io.claribi.connections.api.ConnectionExchange}), the lifecycle events ({@link
 * io.claribi.connections.api.ConnectionActivated}, {@link
 * io.claribi.connections.api.ConnectionDisconnecting}), keeping each connection's last use ({@link
 * io.claribi.connections.api.ConnectionUse}), and vendor text made safe to show.
 */
package io.claribi.connections.api;

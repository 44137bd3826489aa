/**
 * Native connectors: the product's own read-only clients for vendors that offer a REST API instead
 * of an MCP server (Google Analytics, Google Ads, Meta Ads, Jira Cloud).
 *
 * <p>Each connector lists a small fixed set of read operations. Arguments are validated before
 * anything is sent, and every path segment built from them is checked against a pattern and
 * percent-encoded, so no argument can change the host, scheme or path structure.
 *
 * <p>Invariants: the connectors reach vendors only through {@link
 * io.claribi.gateway.control.nativeapi.ReadOnlyApi}, which can send a GET, or a POST to a
 * documented query endpoint, and nothing else (NativeReadOnlyArchitectureTest); the access token
 * goes into one {@code Authorization} header and never into a URL or an error message.
 */
package io.claribi.gateway.control.nativeapi;

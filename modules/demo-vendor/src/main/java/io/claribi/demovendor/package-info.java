/**
 * "Acme Payments", the bundled demo vendor: an MCP server over Streamable HTTP behind its own OAuth
 * 2.1 authorization server, so the product can be developed and tested offline.
 *
 * <p>Development and test only. It is a WAR of its own, deployed next to the product by the Liberty
 * Maven plugin, and never part of the product WAR: nothing in {@code io.claribi} may depend on it.
 * Its data is a deterministic sample set, kept in memory; control endpoints that let tests change
 * the vendor are off unless {@code DEMO_VENDOR_CONTROL_ENABLED=true} and answer loopback callers
 * only.
 */
package io.claribi.demovendor;

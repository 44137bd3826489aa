/**
 * Signing in to the admin console (decision 26): form authentication for {@code /console/*} with
 * Jakarta Security, next to the MicroProfile JWT bearer authentication of {@code /api/v1}.
 *
 * <p>Rules: the organization of a console user comes from their identity (a {@link
 * io.claribi.platform.api.ConsolePrincipal} made by an identity store here), never from a page or
 * request parameter; the development users exist only when {@code
 * claribi.console.dev-users.enabled} is true, which only the development server sets; passwords are
 * stored only as PBKDF2 hashes.
 */
package io.claribi.app.console;

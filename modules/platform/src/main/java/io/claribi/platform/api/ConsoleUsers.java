package io.claribi.platform.api;

import java.util.Optional;

/**
 * The source of console identities (the development users, or the customer's identity provider):
 * who a signed-in name is, with their organization and groups. {@link VerifiedCaller} asks it by
 * the name the container authenticated, so the organization never comes from the request.
 */
public interface ConsoleUsers {

  Optional<ConsolePrincipal> find(String name);
}

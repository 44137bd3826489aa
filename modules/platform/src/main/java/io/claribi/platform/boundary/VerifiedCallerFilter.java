package io.claribi.platform.boundary;

import io.claribi.platform.api.ProblemException;
import io.claribi.platform.api.VerifiedCaller;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Runs before role checks: a request without a verified token gets 401 (not the 403 a role check
 * would give), and a token without a valid {@code org} claim, or with an identity claim that could
 * not be recorded ({@code sub}, {@code upn}, {@code groups}: see {@code IdentityClaims}), gets 401
 * before any resource runs. Only methods or classes marked {@code @PermitAll} are open. A console
 * sign-in is not a bearer token: a browser's console session gets the same 401 here, so no other
 * site can use it to call the API (decision 26), and on open endpoints it is not a caller either.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 1)
public class VerifiedCallerFilter implements ContainerRequestFilter {

  @Context ResourceInfo resourceInfo;

  @Inject VerifiedCaller caller;

  @Override
  public void filter(ContainerRequestContext request) {
    caller.acceptBearerTokenOnly();
    if (isOpen()) {
      return;
    }
    if (request.getSecurityContext().getUserPrincipal() == null || !caller.hasBearerToken()) {
      throw new ProblemException(
          401,
          "AUTHENTICATION_REQUIRED",
          "Authentication required",
          "A valid bearer token is required.");
    }
    caller.organization(); // throws the 401 problem when the claim is missing or malformed
    caller.requireValidIdentityClaims();
  }

  private boolean isOpen() {
    if (resourceInfo == null || resourceInfo.getResourceMethod() == null) {
      return false;
    }
    return resourceInfo.getResourceMethod().isAnnotationPresent(PermitAll.class)
        || resourceInfo.getResourceClass().isAnnotationPresent(PermitAll.class);
  }
}

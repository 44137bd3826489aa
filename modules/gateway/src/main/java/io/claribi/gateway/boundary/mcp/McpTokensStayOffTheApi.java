package io.claribi.gateway.boundary.mcp;

import io.claribi.platform.api.ProblemException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * MicroProfile JWT accepts tokens for the REST API's audience and for {@code /mcp}'s (one verifier
 * for both, {@code mp.jwt.verify.audiences}); a token issued for {@code /mcp} alone is not a REST
 * API token (RFC 8707: a token is used only at the resources it names), so the API refuses it here.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class McpTokensStayOffTheApi implements ContainerRequestFilter {

  @Inject McpSettings settings;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token) {
      Set<String> audience = token.getAudience();
      if (audience != null
          && !audience.isEmpty()
          && Set.of(settings.resource()).containsAll(audience)) {
        throw new ProblemException(
            401,
            "AUTHENTICATION_REQUIRED",
            "Authentication required",
            "This token was issued for the MCP endpoint only; the REST API needs its own.");
      }
    }
  }
}

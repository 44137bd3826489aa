package io.claribi.platform.boundary;

import io.claribi.platform.api.RequestCorrelation;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives every API request its id and client address before anything else runs, and echoes the id in
 * the response, errors included, so a client can quote it and an auditor can find the request.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestCorrelationFilter implements ContainerRequestFilter, ContainerResponseFilter {

  @Inject RequestCorrelation correlation;

  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    correlation.start(
        request.getHeaderString(RequestCorrelation.HEADER),
        servletRequest == null ? null : servletRequest.getRemoteAddr());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    response.getHeaders().putSingle(RequestCorrelation.HEADER, correlation.requestId());
  }
}

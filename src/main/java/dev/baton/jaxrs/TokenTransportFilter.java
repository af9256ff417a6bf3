package dev.baton.jaxrs;

import dev.baton.config.WebConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Binds {@link RequestTokenTransport} to each request before authentication, and writes what it
 * collected into the response, including error responses built by the exception mappers.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION - 100)
public class TokenTransportFilter implements ContainerRequestFilter, ContainerResponseFilter {

  @Inject RequestTokenTransport transport;
  @Inject WebConfig web;

  /** The servlet request under JAX-RS, for the client address that JAX-RS does not expose. */
  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    transport.bind(request, apiPath(request, web), servletRequest);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    transport.writeTo(response.getHeaders());
  }

  /** Baton's API base path below the host: the application's path and the configured base. */
  static String apiPath(ContainerRequestContext request, WebConfig web) {
    String applicationPath = request.getUriInfo().getBaseUri().getPath();
    String base =
        applicationPath.endsWith("/")
            ? applicationPath.substring(0, applicationPath.length() - 1)
            : applicationPath;
    return base + web.apiBasePath();
  }
}

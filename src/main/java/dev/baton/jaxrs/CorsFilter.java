package dev.baton.jaxrs;

import dev.baton.config.WebConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * CORS for a frontend on another origin (Fetch standard, CORS protocol): only the configured
 * origins, with credentials, and the headers the SuperTokens SDK sends and reads. It applies to
 * every resource of the application, since the frontend calls the application's own endpoints with
 * the session too; with {@code session.cors.allowed-origins} unset it does nothing at all.
 */
@Provider
@PreMatching
@ApplicationScoped
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

  static final String ALLOWED_HEADERS =
      "content-type, rid, fdi-version, anti-csrf, authorization, st-auth-mode";
  static final String ALLOWED_METHODS = "GET, POST, PUT, DELETE, PATCH, OPTIONS";

  @Inject WebConfig web;

  @Override
  public void filter(ContainerRequestContext request) {
    boolean preflight =
        HttpMethod.OPTIONS.equals(request.getMethod())
            && request.getHeaderString("Access-Control-Request-Method") != null;
    if (preflight && isAllowed(request.getHeaderString("Origin"))) {
      request.abortWith(
          Response.noContent()
              .header("Access-Control-Allow-Methods", ALLOWED_METHODS)
              .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
              .header("Access-Control-Max-Age", "600")
              .build());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (web.corsAllowedOrigins().isEmpty()) {
      // Not configured: the host's responses stay exactly as the host made them.
      return;
    }
    String origin = request.getHeaderString("Origin");
    MultivaluedMap<String, Object> headers = response.getHeaders();
    headers.add("Vary", "Origin");
    if (isAllowed(origin)) {
      headers.putSingle("Access-Control-Allow-Origin", origin);
      headers.putSingle("Access-Control-Allow-Credentials", "true");
      headers.putSingle("Access-Control-Expose-Headers", TokenWriter.EXPOSED_HEADERS);
    }
  }

  private boolean isAllowed(String origin) {
    return origin != null && web.corsAllowedOrigins().contains(origin);
  }
}

package dev.baton.jaxrs;

import dev.baton.api.SessionService;
import dev.baton.api.VerifiedSession;
import dev.baton.api.VerifySession;
import dev.baton.api.exception.UnauthorisedException;
import dev.baton.config.AntiCsrfMode;
import dev.baton.config.SessionConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Verifies the access token of every request whose resource method {@link VerifySession}
 * governs. It throws; the exception mappers answer.
 *
 * <p>One filter after matching for all requests, rather than one registered per annotated method
 * by a {@code DynamicFeature}: the runtime does not run dynamic features for sub-resources
 * (Jersey) and reports interface or implementation methods differently, and a control that a
 * runtime skips fails open. {@link ProtectedMethods} reads the annotation wherever it may sit;
 * an unannotated request costs one cached lookup.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class SessionFilter implements ContainerRequestFilter {

  @Context ResourceInfo resource;
  @Inject SessionService sessions;
  @Inject SessionConfig config;
  @Inject RequestSession current;
  @Inject RequestTokenTransport transport;

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource.getResourceMethod();
    if (method == null) {
      return;
    }
    Optional<VerifySession> options = ProtectedMethods.of(
        resource.getResourceClass(), method, request.getUriInfo().getMatchedResources());
    if (options.isPresent()) {
      verify(request, options.get());
    }
  }

  /** The checks of one protected request, in order. */
  void verify(ContainerRequestContext request, VerifySession options) {
    // 1. Bearer first (header mode), else the cookie. The SDK's own cookies are never read.
    String bearer = Requests.bearer(request);
    String token = bearer != null ? bearer : Requests.cookie(request, Requests.ACCESS_TOKEN_COOKIE);
    if (token == null) {
      if (options.sessionRequired()) {
        throw new UnauthorisedException("no access token", null, false);
      }
      return;
    }
    // 2. Anti-CSRF only where a cross-site request could ride on cookies.
    TokenMode mode = bearer != null ? TokenMode.HEADER : TokenMode.COOKIE;
    boolean csrfCheck = options.antiCsrfCheck() && mode == TokenMode.COOKIE
        && Requests.isStateChanging(request);
    if (csrfCheck && config.antiCsrf() == AntiCsrfMode.VIA_CUSTOM_HEADER
        && request.getHeaderString(Requests.RID_HEADER) == null) {
      throw new UnauthorisedException("anti-CSRF check failed: send the 'rid' header", null, false);
    }
    // 3. Verify; a freshly rotated refresh token is confirmed here and a new access token issued.
    VerifiedSession session = sessions.getSession(
        token, request.getHeaderString(Requests.ANTI_CSRF_HEADER), csrfCheck);
    session.newAccessToken().ifPresent(access ->
        transport.deliverAccessToken(session, access, mode));
    current.set(session);
    request.setSecurityContext(
        new SessionSecurityContext(session, request.getSecurityContext().isSecure()));
  }
}

package dev.baton.jaxrs;

import dev.baton.api.SessionService;
import dev.baton.api.VerifiedSession;
import dev.baton.api.VerifySession;
import dev.baton.api.exception.UnauthorisedException;
import dev.baton.config.AntiCsrfMode;
import dev.baton.config.SessionConfig;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * Verifies the access token of a request to a {@link VerifySession} resource. One instance per
 * resource method, registered by {@link VerifySessionFeature} with that method's options. It
 * throws; the exception mappers answer.
 */
@Priority(Priorities.AUTHENTICATION)
final class SessionFilter implements ContainerRequestFilter {

  private final VerifySession options;
  private final SessionService sessions;
  private final SessionConfig config;
  private final RequestSession current;
  private final RequestTokenTransport transport;

  SessionFilter(VerifySession options, SessionService sessions, SessionConfig config,
      RequestSession current, RequestTokenTransport transport) {
    this.options = options;
    this.sessions = sessions;
    this.config = config;
    this.current = current;
    this.transport = transport;
  }

  @Override
  public void filter(ContainerRequestContext request) {
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

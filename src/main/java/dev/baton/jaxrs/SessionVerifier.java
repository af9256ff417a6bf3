package dev.baton.jaxrs;

import dev.baton.api.SessionService;
import dev.baton.api.VerifiedSession;
import dev.baton.api.VerifySession;
import dev.baton.api.exception.TryRefreshTokenException;
import dev.baton.api.exception.UnauthorisedException;
import dev.baton.config.AntiCsrfMode;
import dev.baton.config.BatonClock;
import dev.baton.config.SessionConfig;
import dev.baton.config.WebConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.Clock;

/** The checks of a request that {@link SessionFilter} found protected. */
@ApplicationScoped
class SessionVerifier {

  /** Request attribute: the session {@link SessionAuthenticationMechanism} verified. */
  static final String VERIFIED_ATTRIBUTE = "dev.baton.verified-session";

  /** Request attribute: why that mechanism found no session in the request. */
  static final String REFUSAL_ATTRIBUTE = "dev.baton.session-refusal";

  @Inject SessionService sessions;
  @Inject SessionConfig config;
  @Inject WebConfig web;
  @Inject RequestSession current;
  @Inject RequestTokenTransport transport;
  @Inject ClaimChecks claims;
  @Inject @BatonClock Clock clock;

  /** The checks of one protected request, in order. */
  void verify(ContainerRequestContext request, VerifySession options) {
    transport.readCredentials();
    // 1. Bearer first (header mode), else the cookie. The SDK's own cookies are never read.
    String bearer = Requests.bearer(request);
    String token = bearer != null ? bearer : accessTokenCookie(request);
    TokenMode mode = bearer != null ? TokenMode.HEADER : TokenMode.COOKIE;
    // In a servlet container, request properties are the servlet request's attributes.
    if (request.getProperty(VERIFIED_ATTRIBUTE) instanceof VerifiedSession verified) {
      // Checked by the Jakarta Security mechanism by the same rules, anti-CSRF included, and any
      // new access token already sent: verifying again would promote twice.
      accept(request, verified, options, token, mode);
      return;
    }
    if (token == null) {
      if (options.sessionRequired()) {
        throw new UnauthorisedException("no access token", null, false);
      }
      return;
    }
    // 2. Anti-CSRF only where a cross-site request could ride on cookies.
    boolean csrfCheck =
        options.antiCsrfCheck() && mode == TokenMode.COOKIE && Requests.isStateChanging(request);
    if (csrfCheck
        && config.antiCsrf() == AntiCsrfMode.VIA_CUSTOM_HEADER
        && request.getHeaderString(Requests.RID_HEADER) == null) {
      throw new UnauthorisedException("anti-CSRF check failed: send the 'rid' header", null, false);
    }
    // 3. Verify; a freshly rotated refresh token is confirmed here and a new access token issued.
    VerifiedSession session =
        sessions.getSession(token, request.getHeaderString(Requests.ANTI_CSRF_HEADER), csrfCheck);
    session
        .newAccessToken()
        .ifPresent(access -> transport.deliverAccessToken(session, access, mode));
    // 4. Claim checks, on a session known to be valid: their 403 must not look like an expiry.
    accept(request, session, options, token, mode);
  }

  /**
   * Whether Baton answers for {@code @RolesAllowed} resources that have no caller: only with its
   * Jakarta Security mechanism on. Asked first, so that without it no request pays the lookup.
   */
  boolean answersForRolesAllowed() {
    return web.jakartaSecurity();
  }

  /**
   * A resource with {@code @RolesAllowed} needs a caller: Baton's or the application's own
   * mechanism's. Without one, Baton answers as for {@code VerifySession}, so that the frontend SDK
   * refreshes an expired token instead of meeting the server's bare 403 (Jersey's role filter does
   * not ask the mechanism).
   */
  void requireCaller(ContainerRequestContext request) {
    if (request.getSecurityContext().getUserPrincipal() != null) {
      return;
    }
    transport.readCredentials();
    if (request.getProperty(REFUSAL_ATTRIBUTE) == SessionRefusal.TRY_REFRESH) {
      throw new TryRefreshTokenException("the access token was refused");
    }
    throw new UnauthorisedException("no session", null, false);
  }

  private void accept(
      ContainerRequestContext request,
      VerifiedSession session,
      VerifySession options,
      String token,
      TokenMode mode) {
    claims.check(session, options, clock.instant());
    current.set(session, token, mode);
    request.setSecurityContext(
        new SessionSecurityContext(
            session, request.getSecurityContext().isSecure(), config.rolesClaim()));
  }

  /**
   * The access-token cookie. Of two different ones Baton picks neither: the client refreshes, and
   * the refresh endpoint clears the older domain's cookies (security review L15).
   */
  private String accessTokenCookie(ContainerRequestContext request) {
    try {
      return Requests.sessionCookie(request, web.accessTokenCookie());
    } catch (DuplicateCookieException e) {
      throw new TryRefreshTokenException(e.getMessage());
    }
  }
}

package dev.baton.jaxrs;

import dev.baton.api.FallbackMechanism;
import dev.baton.api.IssuedToken;
import dev.baton.api.SessionService;
import dev.baton.api.VerifiedSession;
import dev.baton.api.exception.InvalidSessionInputException;
import dev.baton.api.exception.SessionStoreUnavailableException;
import dev.baton.api.exception.TryRefreshTokenException;
import dev.baton.api.exception.UnauthorisedException;
import dev.baton.config.AntiCsrfMode;
import dev.baton.config.SessionConfig;
import dev.baton.config.WebConfig;
import dev.baton.core.JsonSupport;
import dev.baton.core.RoleClaim;
import dev.baton.core.Secrets;
import dev.baton.metrics.SessionMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.ext.RuntimeDelegate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;

/**
 * Baton's Jakarta Security mechanism: the caller of a request with a valid access token is the
 * session's user, with the session's roles as groups, for servlets, EJBs, {@code @RolesAllowed} and
 * the Jakarta Security {@code SecurityContext} alike. {@link JakartaSecurityExtension} puts it in
 * service only with {@code session.jakarta-security.enabled=true}.
 *
 * <p>The token is read and checked by the rules of {@code @VerifySession}: Bearer first, else the
 * access-token cookie; anti-CSRF for cookie requests that change state; a first use after a refresh
 * promotes the session and sends the new access token.
 *
 * <p>It never registers a container session (no {@code @AutoApplySession}, no {@code
 * setRegisterSession}): every request is judged by its own token, so nothing outlives a sign-out or
 * a revocation. A request whose token Baton refuses is anonymous where the resource is public, and
 * gets Baton's SuperTokens-format 401 where the container needs a caller, so the frontend SDK
 * refreshes and retries. A request without a Baton token goes to the application's own {@link
 * FallbackMechanism}, if it has one.
 */
@ApplicationScoped
class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

  @Inject SessionService sessions;
  @Inject SessionConfig config;
  @Inject WebConfig web;
  @Inject TokenWriter writer;
  @Inject SessionMetrics metrics;
  @Inject @FallbackMechanism Instance<HttpAuthenticationMechanism> fallback;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    if (request.getRequestURI().endsWith(web.apiBasePath() + "/session/refresh")) {
      // The refresh endpoint reads the refresh token; an access token there is a leftover.
      return context.doNothing();
    }
    String bearer = Requests.bearer(request.getHeader(HttpHeaders.AUTHORIZATION));
    String token;
    try {
      token =
          bearer != null
              ? bearer
              : Requests.sessionCookie(
                  Collections.list(request.getHeaders(HttpHeaders.COOKIE)),
                  web.accessTokenCookie());
    } catch (DuplicateCookieException e) {
      return refused(SessionRefusal.TRY_REFRESH, request, response, context);
    }
    if (token == null) {
      if (fallback.isResolvable()) {
        return fallback.get().validateRequest(request, response, context);
      }
      return refused(SessionRefusal.UNAUTHORISED, request, response, context);
    }
    TokenMode mode = bearer != null ? TokenMode.HEADER : TokenMode.COOKIE;
    boolean csrfCheck = mode == TokenMode.COOKIE && Requests.isStateChanging(request.getMethod());
    if (csrfCheck
        && config.antiCsrf() == AntiCsrfMode.VIA_CUSTOM_HEADER
        && request.getHeader(Requests.RID_HEADER) == null) {
      return refused(SessionRefusal.UNAUTHORISED, request, response, context);
    }
    VerifiedSession session;
    try {
      session = sessions.getSession(token, request.getHeader(Requests.ANTI_CSRF_HEADER), csrfCheck);
    } catch (TryRefreshTokenException e) {
      return refused(SessionRefusal.TRY_REFRESH, request, response, context);
    } catch (UnauthorisedException | InvalidSessionInputException e) {
      return refused(SessionRefusal.UNAUTHORISED, request, response, context);
    } catch (SessionStoreUnavailableException e) {
      return unavailable(response, context);
    }
    session.newAccessToken().ifPresent(access -> deliver(response, session, access, mode));
    request.setAttribute(SessionVerifier.VERIFIED_ATTRIBUTE, session);
    offerCacheKey(context, token);
    return context.notifyContainerAboutLogin(
        new CallerPrincipal(session.userId()),
        RoleClaim.rolesIn(session.accessTokenPayload(), config.rolesClaim()));
  }

  /**
   * Open Liberty's name for the key under which it caches the subject of a login (the {@code
   * AttributeNameConstants.WSCREDENTIAL_CACHE_KEY} of its SPI); other servers ignore it.
   */
  static final String LIBERTY_CACHE_KEY = "com.ibm.wsspi.security.cred.cacheKey";

  /**
   * Lets a server that caches logins reuse the subject it built for this same token. Without it,
   * Open Liberty runs a full JAAS login for every request, which creates and signs an LTPA token
   * each time (BENCHMARKS.md). The key is a hash of the token: the same token means the same user
   * and roles until it expires, and Baton has verified it on this very request before the key is
   * offered.
   */
  @SuppressWarnings("JdkObsolete") // Liberty looks for a Hashtable among the private credentials
  private static void offerCacheKey(HttpMessageContext context, String token) {
    Hashtable<String, Object> custom = new Hashtable<>();
    custom.put(LIBERTY_CACHE_KEY, "baton:" + Secrets.sha256Hex(token));
    context.getClientSubject().getPrivateCredentials().add(custom);
  }

  /**
   * Anonymous where the resource is public; Baton's 401 where the container needs a caller. The
   * reason stays on the request for {@link SessionFilter}, which answers for JAX-RS resources whose
   * role checks the container does not route through this mechanism.
   */
  private AuthenticationStatus refused(
      SessionRefusal refusal,
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context) {
    request.setAttribute(SessionVerifier.REFUSAL_ATTRIBUTE, refusal);
    if (!context.isProtected() && !context.isAuthenticationRequest()) {
      return context.doNothing();
    }
    metrics.unauthorised(refusal.metric);
    int status = refusal == SessionRefusal.TRY_REFRESH ? web.sessionExpiredStatus() : 401;
    return answer(response, status, refusal.message);
  }

  /** A store outage is never a 401, which would log the user out (README, "Failures"). */
  private AuthenticationStatus unavailable(
      HttpServletResponse response, HttpMessageContext context) {
    if (!context.isProtected() && !context.isAuthenticationRequest()) {
      return context.doNothing();
    }
    response.setHeader("Retry-After", "1");
    return answer(response, 503, "session store unavailable");
  }

  private static AuthenticationStatus answer(
      HttpServletResponse response, int status, String message) {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    try {
      response
          .getOutputStream()
          .write(
              JsonSupport.builder()
                  .add("message", message)
                  .build()
                  .toString()
                  .getBytes(StandardCharsets.UTF_8));
    } catch (IOException clientGone) {
      // The status stands; there is nobody to read the body.
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  /** The access token that confirmed a freshly rotated refresh token, as the filter sends it. */
  private void deliver(
      HttpServletResponse response, VerifiedSession session, IssuedToken access, TokenMode mode) {
    MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
    writer.accessToken(headers, mode, session, access);
    RuntimeDelegate.HeaderDelegate<NewCookie> cookies =
        RuntimeDelegate.getInstance().createHeaderDelegate(NewCookie.class);
    headers.forEach(
        (name, values) -> {
          for (Object value : values) {
            response.addHeader(
                name,
                value instanceof NewCookie cookie ? cookies.toString(cookie) : value.toString());
          }
        });
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    for (String varies : List.of(HttpHeaders.COOKIE, HttpHeaders.AUTHORIZATION)) {
      response.addHeader(HttpHeaders.VARY, varies);
    }
  }
}

package dev.baton.jaxrs;

import dev.baton.api.SessionService;
import dev.baton.api.SessionTokens;
import dev.baton.api.exception.InvalidSessionInputException;
import dev.baton.api.exception.TokenTheftDetectedException;
import dev.baton.api.exception.UnauthorisedException;
import dev.baton.config.AntiCsrfMode;
import dev.baton.config.SessionConfig;
import dev.baton.config.WebConfig;
import dev.baton.core.LogValues;
import dev.baton.metrics.SessionMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code POST {base}/session/refresh}: exchanges the refresh token for a new token set, sent back
 * the way the refresh token came (cookie or {@code Authorization: Bearer}). One instance serves
 * every request: it keeps nothing of a request, and the hot path then builds no resource and no
 * injection proxy per refresh.
 */
@Path("{base: .+}/session/refresh")
@ApplicationScoped
public class RefreshResource {

  @Inject SessionService sessions;
  @Inject SessionConfig config;
  @Inject WebConfig web;
  @Inject RequestTokenTransport transport;
  @Inject SessionMetrics metrics;

  private static final Logger LOG = Logger.getLogger(RefreshResource.class.getName());

  /**
   * Refreshes the session.
   *
   * @param base the API base path the request matched
   * @param request the request's headers and cookies
   * @return {@code {"status":"OK"}}
   */
  @POST
  @Operation(hidden = true)
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject refresh(@PathParam("base") String base, @Context HttpHeaders request) {
    ApiPaths.requireBase(base, web);
    long started = System.nanoTime();
    try {
      return refresh(request);
    } finally {
      metrics.refreshTook(Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private JsonObject refresh(HttpHeaders request) {
    String bearer = Requests.bearer(request);
    TokenMode mode = bearer != null ? TokenMode.HEADER : TokenMode.COOKIE;
    if (mode == TokenMode.COOKIE && carriesDuplicateSessionCookies(request)) {
      return clearOlderDomainCookies();
    }
    String token =
        bearer != null ? bearer : Requests.sessionCookie(request, web.refreshTokenCookie());
    // The SDK sends rid on every call; a cross-site form post cannot. Without it, a 401 leaves
    // the cookies alone, so another site cannot sign the user out (security review L6).
    boolean fromTheSdk = request.getHeaderString(Requests.RID_HEADER) != null;
    if (token == null) {
      throw new UnauthorisedException("no refresh token", null, fromTheSdk);
    }
    if (mode == TokenMode.COOKIE
        && config.antiCsrf() == AntiCsrfMode.VIA_CUSTOM_HEADER
        && request.getHeaderString(Requests.RID_HEADER) == null) {
      throw new UnauthorisedException("anti-CSRF check failed: send the 'rid' header", null, false);
    }
    SessionTokens tokens;
    try {
      tokens =
          sessions.refreshSession(
              token, request.getHeaderString(Requests.ANTI_CSRF_HEADER), mode == TokenMode.COOKIE);
    } catch (UnauthorisedException refused) {
      if (fromTheSdk || !refused.clearTokens()) {
        throw refused;
      }
      throw new UnauthorisedException(
          refused.getMessage(), refused.sessionHandle().orElse(null), false);
    } catch (TokenTheftDetectedException theft) {
      // One structured line per detection, for alerting; never a token.
      LOG.warning(
          () ->
              "event=token_theft_detected userId="
                  + LogValues.escape(theft.userId().orElse(null))
                  + " sessionHandle="
                  + LogValues.escape(theft.sessionHandle().orElse(null))
                  + " clientAddress="
                  + LogValues.escape(transport.device().clientAddress()));
      throw theft;
    }
    transport.deliver(tokens, mode);
    return Responses.OK;
  }

  private boolean carriesDuplicateSessionCookies(HttpHeaders request) {
    try {
      Requests.sessionCookie(request, web.accessTokenCookie());
      Requests.sessionCookie(request, web.refreshTokenCookie());
      return false;
    } catch (DuplicateCookieException e) {
      return true;
    }
  }

  /**
   * Two cookies of one name: after a change of {@code session.cookie.domain} the browser still
   * holds the old domain's. With {@code session.cookie.older-domain} they are cleared and the
   * answer is 200 without new tokens, so the SDK retries with the cookies that remain (as
   * SuperTokens' {@code olderCookieDomain} does). Without it Baton cannot know which to clear, and
   * refreshing would loop: a 400 that names the key to set.
   */
  private JsonObject clearOlderDomainCookies() {
    if (web.olderCookieDomain().isEmpty()) {
      throw new InvalidSessionInputException(
          "the request carries two session cookies of one name; if session.cookie.domain changed,"
              + " set session.cookie.older-domain to the old one so that its cookies are cleared");
    }
    transport.clearOlderDomain();
    return Responses.OK;
  }
}

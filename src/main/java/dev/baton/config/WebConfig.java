package dev.baton.config;

import java.util.List;
import java.util.Optional;

/**
 * How sessions travel over HTTP. Each component names its MicroProfile Config key.
 *
 * @param apiBasePath {@code session.api-base-path}: where the refresh, sign-out and JWKS endpoints
 *     live, default {@code /auth}
 * @param sessionExpiredStatus {@code session.session-expired-status}: the status that tells the
 *     frontend to refresh, default {@code 401} (440 for old frontends)
 * @param cookieSameSite {@code session.cookie.same-site}: {@code LAX} (default), {@code STRICT} or
 *     {@code NONE}
 * @param cookieSecure {@code session.cookie.secure}: default {@code true}
 * @param cookieDomain {@code session.cookie.domain}: default none (host-only cookies)
 * @param corsAllowedOrigins {@code session.cors.allowed-origins}: comma-separated origins allowed
 *     to call with credentials, default none
 * @param loginUrl {@code session.login-url}: where a browser goes when its session cannot be
 *     refreshed, default {@code /}
 * @param frontendCookieDomain {@code session.refresh-page.frontend-cookie-domain}: the {@code
 *     sessionTokenFrontendDomain} the application's SDK uses, so that the refresh page stores the
 *     new tokens where that SDK reads them; default none (the page's own host)
 * @param cookieNamePrefixes {@code session.cookie.name-prefixes}: name the cookies {@code
 *     __Host-sAccessToken} and {@code __Secure-sRefreshToken}, which a browser accepts only over
 *     HTTPS, and the first only from this very host (RFC 6265bis section 4.1.3); default {@code
 *     false}
 * @param olderCookieDomain {@code session.cookie.older-domain}: the cookie domain Baton used before
 *     {@code session.cookie.domain} changed, whose leftover cookies a refresh clears; default none
 * @param jakartaSecurity {@code session.jakarta-security.enabled}: put Baton's Jakarta Security
 *     authentication mechanism in service, so that servlets, EJBs, {@code @RolesAllowed} and the
 *     Jakarta Security {@code SecurityContext} see the session's user and roles; default {@code
 *     false}, because a mechanism in service replaces the application's own
 */
public record WebConfig(
    String apiBasePath,
    int sessionExpiredStatus,
    SameSite cookieSameSite,
    boolean cookieSecure,
    Optional<String> cookieDomain,
    List<String> corsAllowedOrigins,
    String loginUrl,
    Optional<String> frontendCookieDomain,
    boolean cookieNamePrefixes,
    Optional<String> olderCookieDomain,
    boolean jakartaSecurity) {

  /**
   * The name of the cookie that carries the access token.
   *
   * @return {@code sAccessToken}, or {@code __Host-sAccessToken} with name prefixes
   */
  public String accessTokenCookie() {
    return cookieNamePrefixes ? "__Host-sAccessToken" : "sAccessToken";
  }

  /**
   * The name of the cookie that carries the refresh token (scoped to the refresh path, so it can
   * have the {@code __Secure-} prefix but not {@code __Host-}).
   *
   * @return {@code sRefreshToken}, or {@code __Secure-sRefreshToken} with name prefixes
   */
  public String refreshTokenCookie() {
    return cookieNamePrefixes ? "__Secure-sRefreshToken" : "sRefreshToken";
  }

  /** The cookie {@code SameSite} attribute. */
  public enum SameSite {
    /** Sent on top-level navigations from other sites, not on their sub-requests. */
    LAX,
    /** Never sent from other sites. */
    STRICT,
    /** Always sent; needs {@code Secure}. */
    NONE
  }
}

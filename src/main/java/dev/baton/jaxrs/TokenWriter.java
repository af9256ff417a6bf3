package dev.baton.jaxrs;

import dev.baton.api.IssuedToken;
import dev.baton.api.VerifiedSession;
import dev.baton.config.BatonClock;
import dev.baton.config.WebConfig;
import dev.baton.core.JsonSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;

/** Writes tokens into response headers the way {@code supertokens-website} 20.x reads them. */
@ApplicationScoped
class TokenWriter {

  static final String FRONT_TOKEN = "front-token";
  static final String ACCESS_TOKEN_HEADER = "st-access-token";
  static final String REFRESH_TOKEN_HEADER = "st-refresh-token";
  static final String EXPOSED_HEADERS = "front-token, anti-csrf, st-access-token, st-refresh-token";

  @Inject WebConfig web;
  @Inject @BatonClock Clock clock;

  /**
   * The access token, its front-token, and the path-wide cookie or header.
   *
   * @param sessionEnd when the session ends at the latest: the cookie lives until then
   */
  void accessToken(
      MultivaluedMap<String, Object> headers,
      TokenMode mode,
      IssuedToken access,
      String userId,
      JsonObject payload,
      Instant sessionEnd) {
    if (mode == TokenMode.COOKIE) {
      // The cookie outlives the JWT so the SDK can send it to be told "try refresh" (the token's
      // own expiry is enforced by Baton), but not the session (OWASP ASVS 7.3.2).
      headers.add(
          HttpHeaders.SET_COOKIE, cookie(web.accessTokenCookie(), access.value(), "/", sessionEnd));
    } else {
      headers.putSingle(ACCESS_TOKEN_HEADER, access.value());
    }
    headers.putSingle(FRONT_TOKEN, frontToken(userId, access.expiresAt(), payload));
    exposeHeaders(headers);
  }

  /**
   * A new access token of a verified session (its promotion, or a recorded authentication), sent
   * the way the request's token came.
   *
   * @param session the session as verification left it
   * @param access its new access token
   */
  void accessToken(
      MultivaluedMap<String, Object> headers,
      TokenMode mode,
      VerifiedSession session,
      IssuedToken access) {
    accessToken(
        headers,
        mode,
        access,
        session.userId(),
        session.accessTokenPayload(),
        // Present with every new access token; the token's own expiry is the safe floor.
        session.sessionExpiresAt().orElse(access.expiresAt()));
  }

  /** The refresh token, scoped to the refresh endpoint, and the anti-CSRF token. */
  void refreshToken(
      MultivaluedMap<String, Object> headers,
      TokenMode mode,
      IssuedToken refresh,
      String antiCsrfToken,
      String refreshPath) {
    if (mode == TokenMode.COOKIE) {
      headers.add(
          HttpHeaders.SET_COOKIE,
          cookie(web.refreshTokenCookie(), refresh.value(), refreshPath, refresh.expiresAt()));
    } else {
      headers.putSingle(REFRESH_TOKEN_HEADER, refresh.value());
    }
    if (antiCsrfToken != null) {
      headers.putSingle(Requests.ANTI_CSRF_HEADER, antiCsrfToken);
    }
  }

  /** Expires both cookies with the paths they were set with and empties the token headers. */
  void clear(MultivaluedMap<String, Object> headers, String refreshPath) {
    headers.add(
        HttpHeaders.SET_COOKIE,
        cookie(web.accessTokenCookie(), "", "/", Instant.EPOCH, web.cookieDomain()));
    headers.add(
        HttpHeaders.SET_COOKIE,
        cookie(web.refreshTokenCookie(), "", refreshPath, Instant.EPOCH, web.cookieDomain()));
    headers.putSingle(ACCESS_TOKEN_HEADER, "");
    headers.putSingle(REFRESH_TOKEN_HEADER, "");
    headers.putSingle(FRONT_TOKEN, "remove");
    exposeHeaders(headers);
  }

  /**
   * Expires both cookies on {@code session.cookie.older-domain}, leaving those of the current
   * domain, and the SDK's state, alone.
   */
  void clearOlderDomain(MultivaluedMap<String, Object> headers, String refreshPath) {
    web.olderCookieDomain()
        .ifPresent(
            older -> {
              headers.add(
                  HttpHeaders.SET_COOKIE,
                  cookie(web.accessTokenCookie(), "", "/", Instant.EPOCH, Optional.of(older)));
              headers.add(
                  HttpHeaders.SET_COOKIE,
                  cookie(
                      web.refreshTokenCookie(),
                      "",
                      refreshPath,
                      Instant.EPOCH,
                      Optional.of(older)));
            });
  }

  private static void exposeHeaders(MultivaluedMap<String, Object> headers) {
    headers.putSingle("Access-Control-Expose-Headers", EXPOSED_HEADERS);
  }

  /** Standard base64 of {@code {"uid", "ate", "up"}}, which the SDK decodes with atob. */
  static String frontToken(String userId, Instant accessTokenExpiry, JsonObject payload) {
    JsonObject info =
        JsonSupport.builder()
            .add("uid", userId)
            .add("ate", accessTokenExpiry.toEpochMilli())
            .add("up", payload)
            .build();
    return Base64.getEncoder().encodeToString(info.toString().getBytes(StandardCharsets.UTF_8));
  }

  private NewCookie cookie(String name, String value, String path, Instant expires) {
    return cookie(name, value, path, expires, web.cookieDomain());
  }

  private NewCookie cookie(
      String name, String value, String path, Instant expires, Optional<String> domain) {
    long maxAge = Math.max(0, Duration.between(clock.instant(), expires).toSeconds());
    NewCookie.Builder cookie =
        new NewCookie.Builder(name)
            .value(value)
            .path(path)
            .httpOnly(true)
            .secure(web.cookieSecure())
            .maxAge((int) Math.min(Integer.MAX_VALUE, maxAge))
            .expiry(Date.from(expires))
            .sameSite(
                switch (web.cookieSameSite()) {
                  case LAX -> NewCookie.SameSite.LAX;
                  case STRICT -> NewCookie.SameSite.STRICT;
                  case NONE -> NewCookie.SameSite.NONE;
                });
    domain.ifPresent(cookie::domain);
    return cookie.build();
  }
}

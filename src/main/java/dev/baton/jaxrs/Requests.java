package dev.baton.jaxrs;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads what Baton needs from a request. */
final class Requests {

  static final String ACCESS_TOKEN_COOKIE = "sAccessToken";
  static final String REFRESH_TOKEN_COOKIE = "sRefreshToken";
  static final String ANTI_CSRF_HEADER = "anti-csrf";
  static final String RID_HEADER = "rid";
  static final String AUTH_MODE_HEADER = "st-auth-mode";

  private static final Set<String> SAFE_METHODS =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  private Requests() {}

  /**
   * The token of an {@code Authorization: Bearer} header (RFC 6750 section 2.1).
   *
   * @return the token, or {@code null}
   */
  static String bearer(ContainerRequestContext request) {
    return bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION));
  }

  /**
   * The token of an {@code Authorization: Bearer} header, for resources.
   *
   * @return the token, or {@code null}
   */
  static String bearer(HttpHeaders headers) {
    return bearer(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
  }

  private static String bearer(String authorization) {
    if (authorization == null
        || authorization.length() <= 7
        || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = authorization.substring(7).trim();
    return token.isEmpty() ? null : token;
  }

  /**
   * A cookie's value.
   *
   * @return the value, or {@code null} when absent or empty
   */
  static String cookie(ContainerRequestContext request, String name) {
    return cookie(request.getCookies(), name);
  }

  /**
   * A cookie's value, for resources.
   *
   * @return the value, or {@code null} when absent or empty
   */
  static String cookie(HttpHeaders headers, String name) {
    return cookie(headers.getCookies(), name);
  }

  private static String cookie(Map<String, Cookie> cookies, String name) {
    Cookie cookie = cookies.get(name);
    return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
  }

  static boolean isStateChanging(ContainerRequestContext request) {
    return !SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT));
  }

  /** Whether the client asked for header-based tokens when its session is created. */
  static boolean wantsHeaderMode(ContainerRequestContext request) {
    return "header".equalsIgnoreCase(request.getHeaderString(AUTH_MODE_HEADER));
  }

  /** A browser navigation, as opposed to an API call: a GET that prefers HTML. */
  static boolean isPageNavigation(ContainerRequestContext request) {
    String accept = request.getHeaderString(HttpHeaders.ACCEPT);
    return HttpMethod.GET.equals(request.getMethod())
        && accept != null
        && accept.contains("text/html");
  }
}

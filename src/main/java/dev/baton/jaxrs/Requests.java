package dev.baton.jaxrs;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads what Baton needs from a request. */
final class Requests {

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

  /**
   * The token of an {@code Authorization} header's value when it is a Bearer one.
   *
   * @return the token, or {@code null}
   */
  static String bearer(String authorization) {
    if (authorization == null
        || authorization.length() <= 7
        || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = authorization.substring(7).trim();
    return token.isEmpty() ? null : token;
  }

  /**
   * A session cookie's value, when the request carries exactly one value under its name.
   *
   * @return the value, or {@code null} when absent or empty
   * @throws DuplicateCookieException when it carries two different ones
   */
  static String sessionCookie(ContainerRequestContext request, String name) {
    return sessionCookie(request.getCookies(), request.getHeaders().get(HttpHeaders.COOKIE), name);
  }

  /**
   * A session cookie's value, for resources.
   *
   * @return the value, or {@code null} when absent or empty
   * @throws DuplicateCookieException when the request carries two different ones
   */
  static String sessionCookie(HttpHeaders headers, String name) {
    return sessionCookie(headers.getCookies(), headers.getRequestHeader(HttpHeaders.COOKIE), name);
  }

  private static String sessionCookie(
      Map<String, Cookie> cookies, List<String> cookieHeaders, String name) {
    Cookie cookie = cookies.get(name);
    if (cookie == null) {
      return null;
    }
    // The parsed map keeps one of several cookies of a name, and which one depends on the order
    // the browser sent them in (narrower paths first), which another subdomain can steer.
    if (mayRepeat(cookieHeaders, name) && values(cookieHeaders, name).size() > 1) {
      throw new DuplicateCookieException(name);
    }
    return cookie.getValue().isEmpty() ? null : cookie.getValue();
  }

  /**
   * A session cookie's value from the raw {@code Cookie} headers, where no parsed map exists (the
   * servlet layer).
   *
   * @return the value, or {@code null} when absent or empty
   * @throws DuplicateCookieException when the headers carry two different ones
   */
  static String sessionCookie(List<String> cookieHeaders, String name) {
    Set<String> values = values(cookieHeaders, name);
    if (values.size() > 1) {
      throw new DuplicateCookieException(name);
    }
    return values.isEmpty() || values.iterator().next().isEmpty() ? null : values.iterator().next();
  }

  /** Whether {@code name=} appears twice: the one case that needs the headers parsed. */
  private static boolean mayRepeat(List<String> cookieHeaders, String name) {
    if (cookieHeaders == null) {
      return false;
    }
    int seen = 0;
    for (String header : cookieHeaders) {
      for (int at = header.indexOf(name); at >= 0; at = header.indexOf(name, at + 1)) {
        int end = at + name.length();
        if (end < header.length() && header.charAt(end) == '=' && ++seen > 1) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The distinct values the request's {@code Cookie} headers carry under a name (RFC 6265 section
   * 4.2.1: {@code name=value} pairs separated by semicolons).
   *
   * @param cookieHeaders the headers, or {@code null}
   * @param name the cookie's name
   * @return its values, in the order sent
   */
  static Set<String> values(List<String> cookieHeaders, String name) {
    Set<String> values = new LinkedHashSet<>();
    if (cookieHeaders == null) {
      return values;
    }
    for (String header : cookieHeaders) {
      for (String pair : header.split(";", -1)) {
        int equals = pair.indexOf('=');
        if (equals > 0 && pair.substring(0, equals).trim().equals(name)) {
          String value = pair.substring(equals + 1).trim();
          if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
          }
          values.add(value);
        }
      }
    }
    return values;
  }

  static boolean isStateChanging(ContainerRequestContext request) {
    return isStateChanging(request.getMethod());
  }

  static boolean isStateChanging(String method) {
    return !SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT));
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

package dev.baton.jaxrs;

import dev.baton.api.IssuedToken;
import dev.baton.api.SessionDelivery;
import dev.baton.api.SessionDevice;
import dev.baton.api.SessionTokens;
import dev.baton.api.VerifiedSession;
import dev.baton.jaxrs.mapper.RequestFacts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * What the current request will send back: tokens to deliver or clear, written into the response by
 * {@link TokenTransportFilter} whatever produced it (a resource or an exception mapper).
 */
@RequestScoped
class RequestTokenTransport implements SessionDelivery, RequestFacts {

  @Inject TokenWriter writer;

  private final List<BiConsumer<MultivaluedMap<String, Object>, String>> pending =
      new ArrayList<>();
  private TokenMode requestedMode = TokenMode.COOKIE;
  private boolean pageNavigation;
  private boolean readsCredentials;
  private String apiPath;
  private String refreshPath;
  private ContainerRequestContext request;
  private HttpServletRequest servletRequest;

  /**
   * Remembers how the client asked to receive tokens, where Baton's endpoints are, and the request
   * itself, from which {@link #device()} reads the client only when a login asks.
   */
  void bind(
      ContainerRequestContext request, String batonApiPath, HttpServletRequest servletRequest) {
    this.request = request;
    this.servletRequest = servletRequest;
    requestedMode = Requests.wantsHeaderMode(request) ? TokenMode.HEADER : TokenMode.COOKIE;
    pageNavigation = Requests.isPageNavigation(request);
    apiPath = batonApiPath;
    // The refresh-token cookie is scoped to the refresh endpoint.
    refreshPath = batonApiPath + "/session/refresh";
  }

  @Override
  public SessionDevice device() {
    if (request == null) {
      return SessionDevice.UNKNOWN;
    }
    return new SessionDevice(
        request.getHeaderString(HttpHeaders.USER_AGENT),
        servletRequest == null ? null : servletRequest.getRemoteAddr(),
        null);
  }

  @Override
  public boolean isPageNavigation() {
    return pageNavigation;
  }

  @Override
  public String apiPath() {
    return apiPath;
  }

  @Override
  public void deliver(SessionTokens tokens) {
    deliver(tokens, requestedMode);
  }

  /** Delivers a token set the way the refresh token arrived. */
  void deliver(SessionTokens tokens, TokenMode mode) {
    pending.add(
        (headers, refreshPath) -> {
          writer.accessToken(
              headers,
              mode,
              tokens.accessToken(),
              tokens.userId(),
              tokens.accessTokenPayload(),
              tokens.refreshToken().expiresAt());
          writer.refreshToken(
              headers, mode, tokens.refreshToken(), tokens.antiCsrfToken(), refreshPath);
        });
  }

  /** Delivers the access token that confirmed a freshly rotated refresh token. */
  void deliverAccessToken(VerifiedSession session, IssuedToken access, TokenMode mode) {
    pending.add((headers, refreshPath) -> writer.accessToken(headers, mode, session, access));
  }

  @Override
  public void clear() {
    pending.clear();
    pending.add(writer::clear);
  }

  /** Expires the cookies left on {@code session.cookie.older-domain}. */
  void clearOlderDomain() {
    pending.add(writer::clearOlderDomain);
  }

  /** Notes that the answer depends on the request's access token (a protected method). */
  void readCredentials() {
    readsCredentials = true;
  }

  /**
   * Writes the tokens this request produced or cleared. A response that carries them must never be
   * stored by a cache and served to someone else (RFC 9111 section 5.2.2.5), whatever the
   * application's own {@code Cache-Control}; one that depends on the caller's token says so with
   * {@code Vary} (section 4.1).
   */
  void writeTo(MultivaluedMap<String, Object> headers) {
    if (!pending.isEmpty()) {
      headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
      readsCredentials = true;
    }
    if (readsCredentials) {
      vary(headers, HttpHeaders.COOKIE);
      vary(headers, HttpHeaders.AUTHORIZATION);
    }
    pending.forEach(write -> write.accept(headers, refreshPath));
    pending.clear();
  }

  private static void vary(MultivaluedMap<String, Object> headers, String header) {
    List<Object> vary = headers.get(HttpHeaders.VARY);
    boolean present =
        vary != null
            && vary.stream()
                .flatMap(v -> Arrays.stream(String.valueOf(v).split(",")))
                .anyMatch(v -> v.trim().equalsIgnoreCase(header) || v.trim().equals("*"));
    if (!present) {
      headers.add(HttpHeaders.VARY, header);
    }
  }
}

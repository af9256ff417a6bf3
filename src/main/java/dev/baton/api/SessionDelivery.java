package dev.baton.api;

/**
 * Sends tokens to the client of the current HTTP request, the way it asked for them: cookies, or
 * headers when it sent {@code st-auth-mode: header}. Inject it where sessions start, typically the
 * login resource:
 *
 * <pre>{@code
 * delivery.deliver(sessions.createNewSession(userId, null, null, delivery.device()));
 * }</pre>
 */
public interface SessionDelivery {

  /**
   * Adds the tokens, the {@code front-token} and the anti-CSRF token to the response.
   *
   * @param tokens a new token set
   */
  void deliver(SessionTokens tokens);

  /** Tells the client to forget its tokens: cookies expired, token headers emptied. */
  void clear();

  /**
   * The device of the current request: its {@code User-Agent} and the client address the server saw
   * (behind a proxy, the address the server's own proxy settings give, such as Liberty's {@code
   * remoteIp} or Payara's {@code auth-pass-through}).
   *
   * @return the device, without a name
   */
  SessionDevice device();
}

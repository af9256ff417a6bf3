package dev.baton.api;

/**
 * Sends tokens to the client of the current HTTP request, the way it asked for them: cookies, or
 * headers when it sent {@code st-auth-mode: header}. Inject it where sessions start, typically the
 * login resource: {@code delivery.deliver(sessions.createNewSession(userId, null, null))}.
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
}

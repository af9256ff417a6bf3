package dev.baton.api;

import java.util.Optional;

/**
 * The session of the current HTTP request, as verified by {@link VerifySession}. Inject it into a
 * resource: {@code @Inject CurrentSession session}.
 */
public interface CurrentSession {

  /**
   * The verified session, if the request has one.
   *
   * @return the session, empty for anonymous requests
   */
  Optional<VerifiedSession> get();

  /**
   * The verified session of a request that must have one.
   *
   * @return the session
   * @throws dev.baton.api.exception.UnauthorisedException if the request has none
   */
  VerifiedSession require();

  /**
   * Records that the user of the current request has just authenticated again (see {@link
   * SessionService#recordAuthentication}) and sends the new access token with this response, so
   * that the client's next request passes {@code VerifySession.maxAuthAge}.
   *
   * @return the session as it is now
   * @throws dev.baton.api.exception.UnauthorisedException if the request has no session, or the
   *     session is gone
   */
  VerifiedSession recordAuthentication();
}

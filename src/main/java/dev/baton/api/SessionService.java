package dev.baton.api;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * Creates, verifies, refreshes and revokes sessions.
 *
 * <p>Inject it with {@code @Inject SessionService sessions}. Every method throws only {@link
 * dev.baton.api.exception.SessionException} subclasses for the outcomes it documents, and {@link
 * dev.baton.api.exception.SessionStoreUnavailableException} when the database cannot be reached;
 * never a token in a message.
 */
public interface SessionService {

  /**
   * Starts a session for a user who has just proved who they are, from a device Baton knows nothing
   * about (see {@link #createNewSession(String, JsonObject, JsonObject, SessionDevice)}).
   *
   * @param userId the user's identifier, at most 255 bytes in UTF-8
   * @param accessTokenPayload claims to put in every access token, or {@code null} for none; may
   *     not use a reserved claim name such as {@code sub} or {@code exp}
   * @param sessionData data kept on the server only, or {@code null} for none
   * @return the new session's tokens
   * @throws dev.baton.api.exception.InvalidSessionInputException if an argument is unacceptable
   * @throws dev.baton.api.exception.SessionLimitExceededException if the user holds the most
   *     sessions allowed and the policy refuses new ones
   */
  default SessionTokens createNewSession(
      String userId, JsonObject accessTokenPayload, JsonObject sessionData) {
    return createNewSession(userId, accessTokenPayload, sessionData, SessionDevice.UNKNOWN);
  }

  /**
   * Starts a session for a user who has just proved who they are, and records the device for the
   * user's list of sessions. In a JAX-RS resource, {@link SessionDelivery#device()} reads it from
   * the request. With {@code session.max-sessions-per-user} set, the login counts the user's live
   * sessions, on every server, and ends the least recently used one with {@link
   * SessionRevoked.Reason#EVICTED} or refuses, as the policy says.
   *
   * @param userId the user's identifier, at most 255 bytes in UTF-8
   * @param accessTokenPayload claims to put in every access token, or {@code null} for none; may
   *     not use a reserved claim name such as {@code sub} or {@code exp}
   * @param sessionData data kept on the server only, or {@code null} for none
   * @param device where the user logs in from; {@link SessionDevice#UNKNOWN} for nothing
   * @return the new session's tokens
   * @throws dev.baton.api.exception.InvalidSessionInputException if an argument is unacceptable,
   *     such as an address that is not an IP address or a device name over 100 characters
   * @throws dev.baton.api.exception.SessionLimitExceededException if the user holds the most
   *     sessions allowed and the policy refuses new ones
   */
  SessionTokens createNewSession(
      String userId, JsonObject accessTokenPayload, JsonObject sessionData, SessionDevice device);

  /**
   * Verifies an access token, normally without touching the database.
   *
   * @param accessToken the access token the client sent
   * @param antiCsrfToken the anti-CSRF token the client sent, or {@code null}
   * @param doAntiCsrfCheck whether this request needs the anti-CSRF check (state-changing requests
   *     authenticated by cookie)
   * @return the verified session, with a replacement access token when one was issued
   * @throws dev.baton.api.exception.UnauthorisedException if there is no token or the session is
   *     gone
   * @throws dev.baton.api.exception.TryRefreshTokenException if the token is expired, unverifiable
   *     or fails the anti-CSRF check: the client should refresh
   */
  VerifiedSession getSession(String accessToken, String antiCsrfToken, boolean doAntiCsrfCheck);

  /**
   * Exchanges a refresh token for a new token set whose lifetimes start now.
   *
   * @param refreshToken the refresh token the client sent
   * @param antiCsrfToken the anti-CSRF token issued with that refresh token (checked in {@code
   *     VIA_TOKEN} mode), or {@code null}
   * @return the new tokens
   * @throws dev.baton.api.exception.UnauthorisedException if the token is unknown, expired or
   *     revoked
   * @throws dev.baton.api.exception.TokenTheftDetectedException if an outdated token was used; the
   *     session is revoked
   */
  SessionTokens refreshSession(String refreshToken, String antiCsrfToken);

  /**
   * Exchanges a refresh token for a new token set, with the anti-CSRF check only when asked for: a
   * refresh token sent in an {@code Authorization} header cannot be forged cross-site.
   *
   * @param refreshToken the refresh token the client sent
   * @param antiCsrfToken the anti-CSRF token the client sent, or {@code null}
   * @param doAntiCsrfCheck whether to check it (in {@code VIA_TOKEN} mode)
   * @return the new tokens
   * @throws dev.baton.api.exception.UnauthorisedException if the token is unknown, expired or
   *     revoked, or fails the check
   * @throws dev.baton.api.exception.TokenTheftDetectedException if an outdated token was used
   */
  SessionTokens refreshSession(String refreshToken, String antiCsrfToken, boolean doAntiCsrfCheck);

  /**
   * Ends one session.
   *
   * @param sessionHandle the session to end
   * @return whether a live session was removed
   */
  boolean revokeSession(String sessionHandle);

  /**
   * Ends every session of a user.
   *
   * @param userId the user
   * @return the handles of the removed sessions
   */
  List<String> revokeAllSessionsForUser(String userId);

  /**
   * Ends every session of a user but one, for example every other device after a password change.
   * Each ends with {@link SessionRevoked.Reason#SIGNED_OUT_ELSEWHERE}.
   *
   * @param userId the user
   * @param keptSessionHandle the session to keep, usually the caller's; {@code null} keeps none
   * @return the handles of the removed sessions
   */
  List<String> revokeAllSessionsForUser(String userId, String keptSessionHandle);

  /**
   * A user's live sessions, newest first, for a "your devices" page.
   *
   * @param userId the user
   * @return what the database knows of each
   */
  List<SessionInformation> getSessionsOfUser(String userId);

  /**
   * Names the device of a live session, as its user calls it in their list of sessions.
   *
   * @param sessionHandle the session
   * @param deviceName at most 100 characters without control characters, or {@code null} to remove
   *     the name
   * @return whether the session was live and is now named
   * @throws dev.baton.api.exception.InvalidSessionInputException if the name is unacceptable
   */
  boolean updateDeviceName(String sessionHandle, String deviceName);

  /**
   * Lists a user's live sessions.
   *
   * @param userId the user
   * @return their session handles
   */
  List<String> getAllSessionHandlesForUser(String userId);

  /**
   * Reads what the database holds about a session.
   *
   * @param sessionHandle the session
   * @return the session, or empty when it is unknown, expired or revoked
   */
  Optional<SessionInformation> getSessionInformation(String sessionHandle);

  /**
   * Replaces a session's server-side data.
   *
   * @param sessionHandle the session
   * @param sessionData the new data, or {@code null} for none
   * @return whether the session was live and updated
   */
  boolean updateSessionData(String sessionHandle, JsonObject sessionData);

  /**
   * Replaces the payload that access tokens issued from now on will carry.
   *
   * @param sessionHandle the session
   * @param accessTokenPayload the new payload, or {@code null} for none
   * @return whether the session was live and updated
   */
  boolean updateAccessTokenPayload(String sessionHandle, JsonObject accessTokenPayload);

  /**
   * Replaces the payload of a session and issues an access token that carries it at once.
   *
   * @param accessToken a genuine access token of the session; it may have expired
   * @param accessTokenPayload the new payload, or {@code null} for none
   * @return the new access token, with the old one's expiry; empty when the old token has expired,
   *     in which case the payload takes effect at the next refresh
   * @throws dev.baton.api.exception.UnauthorisedException if the token is not genuine or the
   *     session is gone
   */
  Optional<IssuedToken> regenerateAccessToken(String accessToken, JsonObject accessTokenPayload);

  /**
   * Records that the session's user has just authenticated again, for example by re-entering a
   * password before a sensitive action, without a new login: the session keeps its handle, its
   * {@code auth_time} becomes now (here and in every access token from now on), and a new access
   * token carries it at once. {@code VerifySession.maxAuthAge} then lets the user through again.
   *
   * @param accessToken a valid access token of the session
   * @return the session as it is now, with the new access token to send to the client
   * @throws dev.baton.api.exception.TryRefreshTokenException if the token has expired: refresh,
   *     then record again
   * @throws dev.baton.api.exception.UnauthorisedException if the session is gone
   */
  VerifiedSession recordAuthentication(String accessToken);
}

package dev.baton.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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

  /**
   * Merges claims into the session's access-token payload, as SuperTokens' {@code
   * mergeIntoAccessTokenPayload}: a key whose value is JSON {@code null} is removed. The payload is
   * stored for every later token, and a new access token with its front token goes out with this
   * response, so the frontend sees the change at once (see {@link
   * SessionService#regenerateAccessToken}).
   *
   * @param update the claims to add, replace or (with {@code null}) remove
   * @return the session as it is now
   * @throws dev.baton.api.exception.UnauthorisedException if the request has no session, or the
   *     session is gone
   * @throws dev.baton.api.exception.InvalidSessionInputException if a claim name is reserved or the
   *     token would outgrow its cookie
   */
  VerifiedSession mergeIntoAccessTokenPayload(JsonObject update);

  /**
   * Sets a claim the way SuperTokens keeps one, {@code {"<claimId>": {"v": value, "t":
   * nowMillis}}}, which {@link SessionClaimValidator#hasValue} and the SDK's claim validators read;
   * for example {@code setClaimValue("st-ev", JsonValue.TRUE)} once the user verified their e-mail.
   *
   * @param claimId the claim
   * @param value its value
   * @return the session as it is now
   * @throws dev.baton.api.exception.UnauthorisedException if the request has no session, or the
   *     session is gone
   */
  VerifiedSession setClaimValue(String claimId, JsonValue value);
}

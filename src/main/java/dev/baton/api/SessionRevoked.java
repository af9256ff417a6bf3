package dev.baton.api;

/**
 * CDI event fired after a session was removed, whatever the reason. A session that expired is
 * announced when the purge removes it (within {@code session.purge.interval} of its end).
 *
 * @param sessionHandle the revoked session
 * @param userId its user
 * @param reason why it was revoked
 */
public record SessionRevoked(String sessionHandle, String userId, Reason reason) {

  /** Why a session ended. */
  public enum Reason {
    /** The application or the user asked for it (sign-out, admin action). */
    REQUESTED,
    /** A stolen refresh token was detected; see {@link TokenTheftDetected}. */
    TOKEN_THEFT,
    /**
     * It was not refreshed within {@code session.refresh-token.validity} (the idle timeout), and
     * the purge removed it.
     */
    IDLE_TIMEOUT,
    /** It reached {@code session.absolute-lifetime} after its login, however often refreshed. */
    ABSOLUTE_LIFETIME,
    /** The user ended their other sessions from one of them ("sign out everywhere else"). */
    SIGNED_OUT_ELSEWHERE,
    /**
     * A login of its user beyond {@code session.max-sessions-per-user} ended it, as the session of
     * that user used least recently.
     */
    EVICTED
  }
}

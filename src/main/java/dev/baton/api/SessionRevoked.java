package dev.baton.api;

/**
 * CDI event fired after a session was removed, whatever the reason.
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
    TOKEN_THEFT
  }
}

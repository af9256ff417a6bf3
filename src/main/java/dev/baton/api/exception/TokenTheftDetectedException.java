package dev.baton.api.exception;

/**
 * A refresh token that had already been rotated away was presented: someone else holds a copy.
 * Baton has revoked the session; the application may alert the user or revoke more.
 */
public class TokenTheftDetectedException extends SessionException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param sessionHandle the revoked session
   * @param userId its user
   */
  public TokenTheftDetectedException(String sessionHandle, String userId) {
    super("token theft detected; session revoked", sessionHandle, userId, null);
  }
}

package dev.baton.api.exception;

/**
 * There is no valid session: no token, or a session that is unknown, expired or revoked. The
 * client should clear its tokens and sign in again.
 */
public class UnauthorisedException extends SessionException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message why; never a token
   */
  public UnauthorisedException(String message) {
    super(message, null, null, null);
  }

  /**
   * Creates the exception for a known session.
   *
   * @param message why; never a token
   * @param sessionHandle the session concerned
   */
  public UnauthorisedException(String message, String sessionHandle) {
    super(message, sessionHandle, null, null);
  }
}

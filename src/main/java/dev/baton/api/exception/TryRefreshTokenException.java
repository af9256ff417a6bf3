package dev.baton.api.exception;

/**
 * The access token cannot be accepted (expired, unverifiable, or the anti-CSRF check failed) but
 * the session may still be alive: the client should call the refresh endpoint and retry.
 */
public class TryRefreshTokenException extends SessionException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message why; never a token
   */
  public TryRefreshTokenException(String message) {
    super(message, null, null, null);
  }
}

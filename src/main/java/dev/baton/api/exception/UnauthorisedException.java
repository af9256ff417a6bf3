package dev.baton.api.exception;

/**
 * There is no valid session: no token, or a session that is unknown, expired or revoked. The client
 * should sign in again; {@link #clearTokens()} says whether the tokens it holds are worth clearing.
 */
public class UnauthorisedException extends SessionException {

  private static final long serialVersionUID = 1L;

  /** Whether the client should clear the tokens it holds. */
  private final boolean clearTokens;

  /**
   * Creates the exception.
   *
   * @param message why; never a token
   */
  public UnauthorisedException(String message) {
    this(message, null, true);
  }

  /**
   * Creates the exception for a known session.
   *
   * @param message why; never a token
   * @param sessionHandle the session concerned
   */
  public UnauthorisedException(String message, String sessionHandle) {
    this(message, sessionHandle, true);
  }

  /**
   * Creates the exception, saying whether the client's tokens should be cleared.
   *
   * @param message why; never a token
   * @param sessionHandle the session concerned, or {@code null}
   * @param clearTokens false when the client sent no session at all, or failed a check that says
   *     nothing about its tokens (a missing custom anti-CSRF header)
   */
  public UnauthorisedException(String message, String sessionHandle, boolean clearTokens) {
    super(message, sessionHandle, null, null);
    this.clearTokens = clearTokens;
  }

  /**
   * Whether the HTTP layer should clear the tokens the client holds.
   *
   * @return true unless the tokens were absent or are not at fault
   */
  public boolean clearTokens() {
    return clearTokens;
  }
}

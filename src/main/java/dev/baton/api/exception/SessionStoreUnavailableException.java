package dev.baton.api.exception;

/**
 * The session database could not be used (down, pool exhausted, lock timeout). This is a server
 * fault: the client's tokens stay valid and it should retry later.
 */
public class SessionStoreUnavailableException extends SessionException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param cause the underlying fault, kept for the server log
   */
  public SessionStoreUnavailableException(Throwable cause) {
    super("session store unavailable", null, null, cause);
  }
}

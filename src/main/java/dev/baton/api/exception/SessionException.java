package dev.baton.api.exception;

import java.util.Optional;

/** The root of every exception Baton throws on purpose. */
public abstract class SessionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The session concerned, or {@code null}. */
  private final String sessionHandle;

  /** The user concerned, or {@code null}. */
  private final String userId;

  /**
   * Creates an exception with context.
   *
   * @param message what went wrong; never a token or key
   * @param sessionHandle the session concerned, or {@code null}
   * @param userId the user concerned, or {@code null}
   * @param cause the underlying fault, or {@code null}
   */
  protected SessionException(String message, String sessionHandle, String userId, Throwable cause) {
    super(message, cause);
    this.sessionHandle = sessionHandle;
    this.userId = userId;
  }

  /**
   * The session concerned, when known.
   *
   * @return the session handle
   */
  public Optional<String> sessionHandle() {
    return Optional.ofNullable(sessionHandle);
  }

  /**
   * The user concerned, when known.
   *
   * @return the user id
   */
  public Optional<String> userId() {
    return Optional.ofNullable(userId);
  }
}

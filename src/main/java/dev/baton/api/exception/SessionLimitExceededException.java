package dev.baton.api.exception;

/**
 * A login refused because its user already holds {@code session.max-sessions-per-user} live
 * sessions and the policy is {@code REFUSE}; answered 409. Nothing was created, and the user's
 * sessions stay as they were.
 */
public class SessionLimitExceededException extends SessionException {

  private static final long serialVersionUID = 1L;

  /** The limit that was reached. */
  private final int limit;

  /**
   * Creates the exception.
   *
   * @param limit the most sessions a user may hold
   */
  public SessionLimitExceededException(int limit) {
    super("the user already holds the most sessions allowed (" + limit + ")", null, null, null);
    this.limit = limit;
  }

  /**
   * The limit that was reached.
   *
   * @return {@code session.max-sessions-per-user}
   */
  public int limit() {
    return limit;
  }
}

package dev.baton.api.exception;

/**
 * The session is valid but fails a check on its claims, such as {@code VerifySession.maxAuthAge}:
 * answered 403 in SuperTokens' invalid-claim format, so that the frontend asks the user to act
 * (authenticate again, verify an e-mail) instead of refreshing. The session and its tokens stay as
 * they are.
 */
public class InvalidClaimException extends SessionException {

  private static final long serialVersionUID = 1L;

  /** The failed check's id, as the frontend sees it. */
  private final String claimId;

  /** Why it failed, in SuperTokens' words ({@code expired}, {@code wrong value}). */
  private final String reason;

  /** How old the claim is, in seconds, for an {@code expired} reason; else -1. */
  private final long ageInSeconds;

  /** The most it may be, in seconds, for an {@code expired} reason; else -1. */
  private final long maxAgeInSeconds;

  /**
   * A claim older than allowed.
   *
   * @param claimId the check's id
   * @param sessionHandle the session
   * @param ageInSeconds how old the claim is
   * @param maxAgeInSeconds the most it may be
   * @return the exception
   */
  public static InvalidClaimException expired(
      String claimId, String sessionHandle, long ageInSeconds, long maxAgeInSeconds) {
    return new InvalidClaimException(
        claimId, sessionHandle, "expired", ageInSeconds, maxAgeInSeconds);
  }

  /**
   * A check that could not be evaluated, refused rather than passed.
   *
   * @param claimId the check's id
   * @param sessionHandle the session
   * @param reason why
   * @return the exception
   */
  public static InvalidClaimException unchecked(
      String claimId, String sessionHandle, String reason) {
    return new InvalidClaimException(claimId, sessionHandle, reason, -1, -1);
  }

  private InvalidClaimException(
      String claimId, String sessionHandle, String reason, long ageInSeconds, long maxAge) {
    super("claim '" + claimId + "' is invalid: " + reason, sessionHandle, null, null);
    this.claimId = claimId;
    this.reason = reason;
    this.ageInSeconds = ageInSeconds;
    this.maxAgeInSeconds = maxAge;
  }

  /**
   * The failed check's id.
   *
   * @return the id, such as {@code baton-auth-time}
   */
  public String claimId() {
    return claimId;
  }

  /**
   * Why it failed.
   *
   * @return {@code expired}, or another short reason
   */
  public String reason() {
    return reason;
  }

  /**
   * How old the claim is.
   *
   * @return seconds, or -1 when the reason is not {@code expired}
   */
  public long ageInSeconds() {
    return ageInSeconds;
  }

  /**
   * The most the claim's age may be.
   *
   * @return seconds, or -1 when the reason is not {@code expired}
   */
  public long maxAgeInSeconds() {
    return maxAgeInSeconds;
  }
}

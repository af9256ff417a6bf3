package dev.baton.api.exception;

import dev.baton.api.ClaimValidationError;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The session is valid but fails checks on its claims, such as {@code VerifySession.maxAuthAge} or
 * a {@link dev.baton.api.SessionClaimValidator}: answered 403 in SuperTokens' invalid-claim format,
 * so that the frontend asks the user to act (authenticate again, verify an e-mail) instead of
 * refreshing. The session and its tokens stay as they are.
 */
public class InvalidClaimException extends SessionException {

  private static final long serialVersionUID = 2L;

  /** Every check that failed, in the order they ran; JSON values do not serialise. */
  private final transient List<ClaimValidationError> errors;

  /**
   * Creates the exception.
   *
   * @param sessionHandle the session
   * @param errors the failed checks, at least one
   */
  public InvalidClaimException(String sessionHandle, List<ClaimValidationError> errors) {
    super(
        "claims are invalid: "
            + errors.stream().map(ClaimValidationError::id).collect(Collectors.joining(", ")),
        sessionHandle,
        null,
        null);
    this.errors = List.copyOf(errors);
  }

  /**
   * The failed checks.
   *
   * @return each with its id and reason
   */
  public List<ClaimValidationError> errors() {
    return errors;
  }
}

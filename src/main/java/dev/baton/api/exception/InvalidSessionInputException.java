package dev.baton.api.exception;

/**
 * The application or client passed something Baton cannot accept, such as a payload that uses a
 * reserved claim name or is too large. Nothing was changed.
 */
public class InvalidSessionInputException extends SessionException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, naming the argument; never its value
   */
  public InvalidSessionInputException(String message) {
    super(message, null, null, null);
  }
}

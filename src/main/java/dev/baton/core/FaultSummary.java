package dev.baton.core;

import java.util.function.Function;

/**
 * An exception and its causes on one line, for log lines and health reports that must stay short
 * and carry no stack trace.
 */
public final class FaultSummary {

  private FaultSummary() {}

  /**
   * For the server log: each cause as its class and the first line of its message.
   *
   * @param fault the exception
   * @return for example {@code SessionStoreUnavailableException: … <- PSQLException: …}
   */
  public static String withMessages(Throwable fault) {
    return join(
        fault,
        cause ->
            cause.getMessage() == null
                ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName()
                    + ": "
                    + cause.getMessage().lines().findFirst().orElse(""));
  }

  /**
   * For anyone who may read it, such as a public health endpoint: class names only, since a
   * driver's message can name hosts, users or schemas.
   *
   * @param fault the exception
   * @return for example {@code FlywayException <- PSQLException}
   */
  public static String typesOnly(Throwable fault) {
    return join(fault, cause -> cause.getClass().getSimpleName());
  }

  private static String join(Throwable fault, Function<Throwable, String> describe) {
    StringBuilder summary = new StringBuilder();
    for (Throwable cause = fault; cause != null; cause = cause.getCause()) {
      if (summary.length() > 0) {
        summary.append(" <- ");
      }
      summary.append(describe.apply(cause));
      if (cause.getCause() == cause) {
        break;
      }
    }
    return summary.toString();
  }
}

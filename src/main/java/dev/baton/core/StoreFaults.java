package dev.baton.core;

import dev.baton.api.exception.SessionStoreUnavailableException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Turns database faults into {@link SessionStoreUnavailableException}, so that an outage is
 * answered 503 and never mistaken for a missing session (which would log the user out).
 */
final class StoreFaults {

  private StoreFaults() {}

  /**
   * Runs a unit of work, translating database faults.
   *
   * @param work the work
   * @param <T> its result
   * @return the result
   */
  static <T> T translate(Supplier<T> work) {
    try {
      return work.get();
    } catch (PersistenceException | TransactionalException e) {
      throw new SessionStoreUnavailableException(e);
    } catch (RuntimeException e) {
      if (causedBySql(e)) {
        throw new SessionStoreUnavailableException(e);
      }
      throw e;
    }
  }

  private static boolean causedBySql(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException) {
        return true;
      }
    }
    return false;
  }
}

package dev.baton.core;

import dev.baton.api.exception.SessionStoreUnavailableException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Runs units of work against the database and turns its faults into {@link
 * SessionStoreUnavailableException}, so that an outage is answered 503 and never mistaken for a
 * missing session (which would log the user out).
 *
 * <p>A transient fault is retried, as a whole transaction: a pooled connection that died while the
 * database was away (SQLState class 08), a serialization failure or deadlock (class 40). Every unit
 * of work may run twice: a refresh whose commit was lost is re-decided from the row as it is, and
 * the token it promoted is then simply the current parent. A timeout is not retried: the caller has
 * already waited as long as {@code session.lock-timeout} or the pool's connection timeout allows,
 * and a retry would only add load to a database that is already behind.
 */
final class StoreFaults {

  static final int ATTEMPTS = 3;

  private static final Logger LOG = Logger.getLogger(StoreFaults.class.getName());

  private StoreFaults() {}

  /**
   * Runs a unit of work, retrying transient faults and translating the rest.
   *
   * @param work the work, one transaction
   * @param <T> its result
   * @return the result
   */
  static <T> T translate(Supplier<T> work) {
    return translate(work, ATTEMPTS);
  }

  /**
   * Runs a unit of work once, translating its database faults: for work that a caller may simply
   * try again later, where a retry would hold a thread for longer during an outage.
   *
   * @param work the work, one transaction
   * @param <T> its result
   * @return the result
   */
  static <T> T translateOnce(Supplier<T> work) {
    return translate(work, 1);
  }

  /**
   * Runs an insert that another server may make at the same moment: its duplicate key (SQLState
   * class 23) means the row is there, which is all the caller needs.
   *
   * @param insert the insert, one transaction
   */
  static void insertUnlessPresent(Runnable insert) {
    translate(
        () -> {
          try {
            insert.run();
          } catch (RuntimeException e) {
            SQLException sql = sqlCause(e);
            if (sql == null || sql.getSQLState() == null || !sql.getSQLState().startsWith("23")) {
              throw e;
            }
          }
          return null;
        });
  }

  private static <T> T translate(Supplier<T> work, int attempts) {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (KeyEncryptionException e) {
        // Keys this server cannot unwrap (another server re-wrapped them under a key-encryption
        // key this one was not given): a fault of the server, never the client's.
        throw new SessionStoreUnavailableException(e);
      } catch (RuntimeException e) {
        if (!isDatabaseFault(e)) {
          throw e;
        }
        if (attempt >= attempts || !isTransient(e)) {
          throw new SessionStoreUnavailableException(e);
        }
        int failed = attempt;
        LOG.fine(() -> "Transient database fault, retrying (attempt " + failed + "): " + e);
      }
    }
  }

  private static boolean isDatabaseFault(RuntimeException e) {
    return e instanceof PersistenceException
        || e instanceof TransactionalException
        || sqlCause(e) != null;
  }

  private static boolean isTransient(RuntimeException e) {
    if (e instanceof LockTimeoutException || e instanceof QueryTimeoutException) {
      return false;
    }
    SQLException sql = sqlCause(e);
    // A pool that lent no connection in time says so with SQLTransientConnectionException, on
    // Liberty with SQLState 08001 as well: not a dead connection that a retry would replace.
    if (sql == null
        || sql instanceof SQLTimeoutException
        || sql instanceof SQLTransientConnectionException) {
      return false;
    }
    String state = sql.getSQLState();
    return state != null && (state.startsWith("08") || state.startsWith("40"));
  }

  private static SQLException sqlCause(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        return sql;
      }
    }
    return null;
  }
}

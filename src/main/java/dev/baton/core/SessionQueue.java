package dev.baton.core;

import dev.baton.api.exception.SessionStoreUnavailableException;
import dev.baton.config.SessionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Lets the requests of one session that would lock its row take turns in memory first, so that on
 * each server only one of them at a time holds a pooled connection while it waits for the row.
 *
 * <p>Without it, fifty tabs refreshing one session hold fifty connections, and a session whose row
 * is stuck (a server that lost its network mid-refresh) drains the pool for every other user. The
 * queue is a fixed array of locks chosen by the handle's hash: two sessions rarely share one, and
 * when they do they only take turns for a few milliseconds (or, behind a stuck session, until the
 * lock timeout: the price for one session in 1024, against the whole pool). The handle comes from a
 * sealed refresh token or a verified access token, so a client cannot pick its lock. Waiting here
 * and waiting for the row share one budget, {@code session.lock-timeout}: the work is told how much
 * of it is left.
 */
@ApplicationScoped
class SessionQueue {

  private static final int STRIPES = 1024;

  @Inject SessionConfig config;

  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

  SessionQueue() {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /**
   * Runs work that locks a session's row once the session's earlier requests on this server are
   * done.
   *
   * @param handle the session
   * @param work the work, given how long it may still wait for the row: whole seconds, at least one
   *     (JDBC counts whole seconds, and zero would mean no bound), or zero for no bound
   * @param <T> its result
   * @return the result
   * @throws SessionStoreUnavailableException when the turn does not come within the lock timeout
   */
  <T> T inTurn(String handle, Function<Duration, T> work) {
    long started = System.nanoTime();
    ReentrantLock lock = stripes[stripe(handle)];
    acquire(lock);
    try {
      return work.apply(remainingWait(started));
    } finally {
      lock.unlock();
    }
  }

  private Duration remainingWait(long startedNanos) {
    Duration timeout = config.lockTimeout();
    if (timeout.isZero()) {
      return Duration.ZERO;
    }
    long leftMillis = timeout.minusNanos(System.nanoTime() - startedNanos).toMillis();
    return Duration.ofSeconds(Math.max(1, (leftMillis + 999) / 1000));
  }

  /**
   * How many requests on this server wait for their turn now (an estimate while they come and go).
   *
   * @return the number of waiting threads
   */
  int waiting() {
    int waiting = 0;
    for (ReentrantLock stripe : stripes) {
      waiting += stripe.getQueueLength();
    }
    return waiting;
  }

  /**
   * Which lock a session takes turns on; sessions on different stripes never wait for each other.
   */
  static int stripe(String handle) {
    return Math.floorMod(handle.hashCode(), STRIPES);
  }

  private void acquire(ReentrantLock lock) {
    try {
      if (config.lockTimeout().isZero()) {
        lock.lockInterruptibly();
      } else if (!lock.tryLock(config.lockTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        throw new SessionStoreUnavailableException(
            new TimeoutException(
                "another request of the same session held its turn longer than session.lock-timeout"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SessionStoreUnavailableException(e);
    }
  }
}

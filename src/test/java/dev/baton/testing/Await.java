package dev.baton.testing;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Waits for an observable condition (a lock-waiter count, a log line, a status) instead of sleeping
 * and hoping, and fails the test when it does not hold in time.
 */
public final class Await {

  private static final Duration POLL = Duration.ofMillis(10);

  private Await() {}

  /**
   * Polls until the condition holds.
   *
   * @param what the condition, for the failure message
   * @param timeout how long to wait
   * @param condition the condition; its exceptions fail the test
   */
  public static void until(String what, Duration timeout, Callable<Boolean> condition)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.call()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout + ": " + what);
      }
      Thread.sleep(POLL.toMillis());
    }
  }
}

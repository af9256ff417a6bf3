package dev.baton.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Runs tasks on threads of their own, all released at the same moment once every thread is waiting,
 * and gives back their results in order. A task's failure, assertion errors included, is rethrown
 * on the test thread, and the whole run has a deadline: a test never hangs.
 */
public final class Concurrently {

  /** How long a run may take before the test fails. */
  public static final Duration DEADLINE = Duration.ofSeconds(60);

  private Concurrently() {}

  /**
   * Runs {@code count} tasks at once.
   *
   * @param count how many
   * @param task the i-th task, for i from 0
   * @param <T> their result
   * @return the results, in order
   */
  public static <T> List<T> run(int count, IntFunction<Callable<T>> task) throws Exception {
    List<Callable<T>> tasks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tasks.add(task.apply(i));
    }
    return run(tasks);
  }

  /**
   * Runs the tasks at once.
   *
   * @param tasks the tasks
   * @param <T> their result
   * @return the results, in order
   */
  public static <T> List<T> run(List<? extends Callable<T>> tasks) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
    try {
      List<Future<T>> running = start(threads, tasks);
      return results(running, System.nanoTime() + DEADLINE.toNanos());
    } finally {
      threads.shutdownNow();
    }
  }

  /**
   * Starts the tasks at once in the background, for a test that checks something while they run;
   * collect them with {@link #results}.
   *
   * @param threads where they run, one thread each
   * @param tasks the tasks
   * @param <T> their result
   * @return their futures, in order
   */
  public static <T> List<Future<T>> start(
      ExecutorService threads, List<? extends Callable<T>> tasks) throws InterruptedException {
    CountDownLatch ready = new CountDownLatch(tasks.size());
    CountDownLatch go = new CountDownLatch(1);
    List<Future<T>> running = new ArrayList<>();
    for (Callable<T> task : tasks) {
      running.add(
          threads.submit(
              () -> {
                ready.countDown();
                go.await();
                return task.call();
              }));
    }
    if (!ready.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the threads did not start within " + DEADLINE);
    }
    go.countDown();
    return running;
  }

  /**
   * Waits for the results of running tasks, rethrowing the first failure.
   *
   * @param running the futures
   * @param deadlineNanos {@link System#nanoTime()} by which all must be done
   * @param <T> their result
   * @return the results, in order
   */
  public static <T> List<T> results(List<Future<T>> running, long deadlineNanos) throws Exception {
    List<T> results = new ArrayList<>();
    for (Future<T> future : running) {
      try {
        results.add(
            future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS));
      } catch (TimeoutException e) {
        throw new AssertionError("a task was not done by its deadline", e);
      } catch (ExecutionException e) {
        throw rethrown(e.getCause());
      }
    }
    return results;
  }

  private static Exception rethrown(Throwable cause) {
    if (cause instanceof Error error) {
      throw error;
    }
    return cause instanceof Exception exception ? exception : new ExecutionException(cause);
  }
}

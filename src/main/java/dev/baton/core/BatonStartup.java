package dev.baton.core;

import dev.baton.config.SessionConfig;
import dev.baton.persistence.SchemaMigrator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Gets Baton ready when the application starts, in order: configuration validated (a bad value
 * stops the deployment with the key in the message), schema migrated, keys loaded or created,
 * housekeeping scheduled.
 *
 * <p>A database that does not answer at start-up does not stop the deployment: a server started
 * during an outage would otherwise stay broken until someone restarts it. Readiness stays DOWN with
 * the reason, every request that needs the keys is answered 503, and the migration and key loading
 * are tried again in the background, with back-off from {@link #FIRST_RETRY} doubling up to {@link
 * #LAST_RETRY}, until they succeed.
 */
@ApplicationScoped
public class BatonStartup {

  static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  static final Duration LAST_RETRY = Duration.ofSeconds(30);

  private static final Logger LOG = Logger.getLogger(BatonStartup.class.getName());

  @Inject SessionConfig config;
  @Inject SchemaMigrator schema;
  @Inject KeyRing keyRing;
  @Inject Housekeeping housekeeping;

  private volatile String notReadyBecause = "not started";
  private ScheduledExecutorService ownRetryThread;
  private ScheduledFuture<?> retry;
  private int failedAttempts;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    start();
  }

  /** Runs the start-up steps, or schedules them again when the database fails; idempotent. */
  public synchronized void start() {
    if (notReadyBecause == null) {
      return;
    }
    LOG.fine(() -> "Baton starting with issuer " + config.issuer());
    try {
      schema.migrate();
      keyRing.load();
    } catch (KeyEncryptionException e) {
      // Retrying cannot help, and creating keys over unreadable ones would log everyone out.
      notReadyBecause = "the keys in the database do not open with the key-encryption key";
      LOG.severe(() -> "Baton refuses to start: " + e.getMessage());
      stopRetries();
      throw e;
    } catch (RuntimeException e) {
      failedAttempts++;
      Duration delay = retryDelay(failedAttempts);
      // The reason is served by the public readiness check: class names only there.
      notReadyBecause =
          "start-up failed (attempt "
              + failedAttempts
              + "), most likely the"
              + " database: "
              + FaultSummary.typesOnly(e);
      int attempt = failedAttempts;
      LOG.warning(
          () ->
              "Baton is not ready: start-up attempt "
                  + attempt
                  + " failed: "
                  + FaultSummary.withMessages(e)
                  + "; trying again in "
                  + delay.toSeconds()
                  + " s");
      scheduleRetry(delay);
      return;
    }
    notReadyBecause = null;
    if (keyRing.storedInClear()) {
      LOG.warning(
          "Baton's private signing keys and refresh-token keys are stored in clear in the"
              + " database: anyone who reads it can sign in as any user. Set"
              + " session.key-encryption-key.file or .keystore (README, Keys at rest).");
    }
    if (failedAttempts > 0) {
      LOG.info(() -> "Baton is ready after " + failedAttempts + " failed start-up attempts");
    }
    stopRetries();
    housekeeping.startOnServerScheduler();
  }

  /**
   * Why Baton cannot serve sessions yet.
   *
   * @return the reason, or empty once started
   */
  public Optional<String> notReadyBecause() {
    return Optional.ofNullable(notReadyBecause);
  }

  /** The wait before attempt {@code failed + 1}: doubling from the first, capped at the last. */
  static Duration retryDelay(int failed) {
    Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(failed - 1, 20));
    return delay.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : delay;
  }

  private void scheduleRetry(Duration delay) {
    ScheduledExecutorService scheduler =
        Housekeeping.lookupScheduler()
            .orElseGet(
                () -> {
                  if (ownRetryThread == null) {
                    // No managed scheduler (a plain CDI container): one daemon thread of Baton's
                    // own.
                    ownRetryThread =
                        Executors.newSingleThreadScheduledExecutor(
                            work -> {
                              Thread thread = new Thread(work, "baton-startup-retry");
                              thread.setDaemon(true);
                              return thread;
                            });
                  }
                  return ownRetryThread;
                });
    retry = scheduler.schedule(this::start, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private synchronized void stopRetries() {
    if (retry != null) {
      retry.cancel(false);
      retry = null;
    }
    if (ownRetryThread != null) {
      // shutdown, not shutdownNow: this may run on that very thread, which must not be
      // interrupted while it finishes starting Baton.
      ownRetryThread.shutdown();
      ownRetryThread = null;
    }
  }

  void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
    stopRetries();
    housekeeping.stop();
  }
}

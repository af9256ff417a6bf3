package dev.baton.core;

import dev.baton.config.SessionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Runs the housekeeping job every {@code session.purge.interval}: expired sessions and retired keys
 * are deleted, and the keys are re-read so that this server publishes keys another server created.
 * It uses the server's managed scheduler (Jakarta Concurrency's default {@code
 * ManagedScheduledExecutorService}), so the job runs with the application's context; where there is
 * none (a plain CDI container) nothing is scheduled.
 */
@ApplicationScoped
class PurgeSchedule {

  static final String DEFAULT_SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";

  private static final Logger LOG = Logger.getLogger(PurgeSchedule.class.getName());

  @Inject SessionPurger purger;
  @Inject KeyRing keyRing;
  @Inject SessionConfig config;

  private ScheduledFuture<?> job;

  /** Schedules the job on the server's managed scheduler, if there is one. */
  void startOnServerScheduler() {
    lookupScheduler()
        .ifPresentOrElse(
            this::start,
            () -> LOG.info("No managed scheduler: expired sessions are not purged automatically"));
  }

  /**
   * Schedules the job.
   *
   * @param scheduler where it runs
   */
  public synchronized void start(ScheduledExecutorService scheduler) {
    if (job != null || config.purgeInterval().isZero()) {
      return;
    }
    long interval = config.purgeInterval().toMillis();
    job =
        scheduler.scheduleWithFixedDelay(this::runOnce, interval, interval, TimeUnit.MILLISECONDS);
  }

  /** Stops the job; it may be started again. */
  public synchronized void stop() {
    if (job != null) {
      job.cancel(false);
      job = null;
    }
  }

  /** One run of the job; a failure is logged and the next run tries again. */
  void runOnce() {
    try {
      int purged = purger.purgeExpired();
      keyRing.reload();
      LOG.fine(() -> "Purged " + purged + " expired sessions");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Session purge failed; it runs again at the next interval", e);
    }
  }

  // A fixed, server-defined name (java:comp/...), never one a client supplies.
  @SuppressWarnings("BanJNDI")
  static Optional<ScheduledExecutorService> lookupScheduler() {
    try {
      return Optional.of(InitialContext.doLookup(DEFAULT_SCHEDULER));
    } catch (NamingException | RuntimeException e) {
      return Optional.empty();
    }
  }
}

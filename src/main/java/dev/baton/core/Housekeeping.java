package dev.baton.core;

import dev.baton.config.SessionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Baton's background jobs on each server: every {@link KeyRing#MAINTENANCE_INTERVAL} the keys are
 * re-read and the next signing key is created when due, so every server publishes a key before it
 * signs; every {@code session.purge.interval} expired sessions and retired keys are deleted. They
 * run on the server's managed scheduler (Jakarta Concurrency's default {@code
 * ManagedScheduledExecutorService}), so with the application's context; where there is none (a
 * plain CDI container) nothing is scheduled.
 */
@ApplicationScoped
class Housekeeping {

  static final String DEFAULT_SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";

  private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

  @Inject SessionPurger purger;
  @Inject KeyRing keyRing;
  @Inject SessionConfig config;

  private final List<ScheduledFuture<?>> jobs = new ArrayList<>();

  /** Schedules the jobs on the server's managed scheduler, if there is one. */
  void startOnServerScheduler() {
    lookupScheduler()
        .ifPresentOrElse(
            this::start,
            () -> LOG.info("No managed scheduler: keys and expired sessions are kept by requests"));
  }

  /**
   * Schedules the jobs, once.
   *
   * @param scheduler where they run
   */
  public synchronized void start(ScheduledExecutorService scheduler) {
    if (!jobs.isEmpty()) {
      return;
    }
    long keys = KeyRing.MAINTENANCE_INTERVAL.toMillis();
    jobs.add(
        scheduler.scheduleWithFixedDelay(this::maintainKeys, keys, keys, TimeUnit.MILLISECONDS));
    if (!config.purgeInterval().isZero()) {
      long purge = config.purgeInterval().toMillis();
      jobs.add(scheduler.scheduleWithFixedDelay(this::purge, purge, purge, TimeUnit.MILLISECONDS));
    }
  }

  /** Stops the jobs; they may be started again. */
  public synchronized void stop() {
    jobs.forEach(job -> job.cancel(false));
    jobs.clear();
  }

  /**
   * One run of the key maintenance; a failure is logged and the next run tries again. It runs every
   * 30 s, so during a database outage each failure is one line, without a stack trace.
   */
  void maintainKeys() {
    try {
      keyRing.maintain();
    } catch (RuntimeException e) {
      LOG.warning(
          () ->
              "Key maintenance failed; it runs again in "
                  + KeyRing.MAINTENANCE_INTERVAL.toSeconds()
                  + " s: "
                  + FaultSummary.withMessages(e));
    }
  }

  /** One run of the purge; a failure is logged and the next run tries again. */
  void purge() {
    try {
      int purged = purger.purgeExpired();
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

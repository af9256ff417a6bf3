package dev.baton.core;

import dev.baton.config.SessionConfig;
import dev.baton.persistence.SchemaMigrator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Gets Baton ready when the application starts, in order: configuration validated (a bad value
 * stops the deployment with the key in the message), schema migrated, keys loaded or created,
 * housekeeping scheduled.
 */
@ApplicationScoped
public class BatonStartup {

  private static final Logger LOG = Logger.getLogger(BatonStartup.class.getName());

  @Inject SessionConfig config;
  @Inject SchemaMigrator schema;
  @Inject KeyRing keyRing;
  @Inject PurgeSchedule purge;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    start();
  }

  /** Runs the start-up steps; idempotent. */
  public void start() {
    LOG.fine(() -> "Baton starting with issuer " + config.issuer());
    schema.migrate();
    keyRing.load();
    purge.startOnServerScheduler();
  }

  void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class)
      Object ignored) {
    purge.stop();
  }
}

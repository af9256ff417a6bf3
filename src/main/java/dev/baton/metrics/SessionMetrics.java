package dev.baton.metrics;

import dev.baton.api.SessionCreated;
import dev.baton.api.SessionRefreshed;
import dev.baton.api.SessionRevoked;
import dev.baton.api.TokenTheftDetected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Counts what happens to sessions and times refreshes, in the application registry. Without
 * MicroProfile Metrics in the server it does nothing.
 *
 * <p>The registry and its meters are looked up once: a lookup validates names and tags, which on
 * every refresh cost more than the counting itself.
 */
@ApplicationScoped
public class SessionMetrics {

  @Inject Instance<MetricRegistry> registries;

  private volatile Optional<Meters> meters;

  /** The meters Baton updates, registered on first use. */
  private static final class Meters {

    final MetricRegistry registry;
    final Counter created;
    final Counter refreshes;
    final Counter theft;
    final Timer refreshDuration;
    final Map<String, Counter> unauthorised = new ConcurrentHashMap<>();
    final Map<SessionRevoked.Reason, Counter> revoked =
        new ConcurrentHashMap<>(); // one per reason, registered on first use

    Meters(MetricRegistry registry) {
      this.registry = registry;
      created = registry.counter("baton_sessions_created");
      refreshes = registry.counter("baton_refreshes");
      theft = registry.counter("baton_token_theft");
      refreshDuration = registry.timer("baton_refresh_duration");
    }

    Counter revoked(SessionRevoked.Reason reason) {
      return revoked.computeIfAbsent(
          reason, r -> registry.counter("baton_sessions_revoked", new Tag("reason", r.name())));
    }

    Counter unauthorised(String reason) {
      return unauthorised.computeIfAbsent(
          reason, r -> registry.counter("baton_unauthorised", new Tag("reason", r)));
    }
  }

  private Optional<Meters> meters() {
    Optional<Meters> known = meters;
    if (known == null) {
      // Two threads may both get here; each registers the same meters, which the registry allows.
      known =
          registries.isResolvable() ? Optional.of(new Meters(registries.get())) : Optional.empty();
      meters = known;
    }
    return known;
  }

  void created(@Observes SessionCreated event) {
    meters().ifPresent(m -> m.created.inc());
  }

  void refreshed(@Observes SessionRefreshed event) {
    meters().ifPresent(m -> m.refreshes.inc());
  }

  void theft(@Observes TokenTheftDetected event) {
    meters().ifPresent(m -> m.theft.inc());
  }

  void revoked(@Observes SessionRevoked event) {
    meters().ifPresent(m -> m.revoked(event.reason()).inc());
  }

  /**
   * Counts a 401 answer.
   *
   * @param reason {@code unauthorised}, {@code try_refresh_token}, {@code token_theft} or {@code
   *     invalid_claim}
   */
  public void unauthorised(String reason) {
    meters().ifPresent(m -> m.unauthorised(reason).inc());
  }

  /**
   * Records how long a refresh request took, whatever its outcome.
   *
   * @param elapsed the duration
   */
  public void refreshTook(Duration elapsed) {
    meters().ifPresent(m -> m.refreshDuration.update(elapsed));
  }
}

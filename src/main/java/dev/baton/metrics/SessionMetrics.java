package dev.baton.metrics;

import dev.baton.api.SessionCreated;
import dev.baton.api.SessionRefreshed;
import dev.baton.api.TokenTheftDetected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Counts what happens to sessions and times refreshes, in the application registry. */
@ApplicationScoped
public class SessionMetrics {

  @Inject Instance<MetricRegistry> registries;

  private Optional<MetricRegistry> registry() {
    return registries.isResolvable() ? Optional.of(registries.get()) : Optional.empty();
  }

  void created(@Observes SessionCreated event) {
    registry().ifPresent(r -> r.counter("baton_sessions_created").inc());
  }

  void refreshed(@Observes SessionRefreshed event) {
    registry().ifPresent(r -> r.counter("baton_refreshes").inc());
  }

  void theft(@Observes TokenTheftDetected event) {
    registry().ifPresent(r -> r.counter("baton_token_theft").inc());
  }

  /**
   * Counts a 401 answer.
   *
   * @param reason {@code unauthorised}, {@code try_refresh_token} or {@code token_theft}
   */
  public void unauthorised(String reason) {
    registry().ifPresent(r ->
        r.counter("baton_unauthorised", new Tag("reason", reason)).inc());
  }

  /**
   * Records how long a refresh request took, whatever its outcome.
   *
   * @param elapsed the duration
   */
  public void refreshTook(Duration elapsed) {
    registry().ifPresent(r -> r.timer("baton_refresh_duration").update(elapsed));
  }
}

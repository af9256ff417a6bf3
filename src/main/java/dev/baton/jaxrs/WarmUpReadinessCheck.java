package dev.baton.jaxrs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the server warms up ({@code session.warm-up.url}); ready at once when the warm-up
 * is off or was skipped, so that it never holds a server back on its own.
 */
@Readiness
@ApplicationScoped
public class WarmUpReadinessCheck implements HealthCheck {

  static final String NAME = "baton-warm-up";

  @Inject WarmUp warmUp;

  @Override
  public HealthCheckResponse call() {
    WarmUp.State state = warmUp.state();
    Map<String, Object> data =
        Map.of("state", state.name().toLowerCase(Locale.ROOT), "refreshes", warmUp.refreshes());
    return new HealthCheckResponse(
        NAME,
        state == WarmUp.State.RUNNING
            ? HealthCheckResponse.Status.DOWN
            : HealthCheckResponse.Status.UP,
        Optional.of(data));
  }
}

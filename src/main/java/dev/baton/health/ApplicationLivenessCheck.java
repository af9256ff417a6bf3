package dev.baton.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the application is deployed and answering. Deliberately independent of the database:
 * an outage should take the server out of rotation (readiness), not restart it.
 */
@Liveness
@ApplicationScoped
public class ApplicationLivenessCheck implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    return new HealthCheckResponse("baton", HealthCheckResponse.Status.UP, Optional.empty());
  }
}

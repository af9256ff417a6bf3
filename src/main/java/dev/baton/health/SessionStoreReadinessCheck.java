package dev.baton.health;

import dev.baton.core.KeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when a signing key is loaded and the database answers. Not ready sends a load balancer
 * elsewhere; requests that need no database would still succeed here, but refreshes would not.
 */
@Readiness
@ApplicationScoped
public class SessionStoreReadinessCheck implements HealthCheck {

  static final String NAME = "baton-session-store";

  @Inject KeyRing keyRing;

  @Override
  public HealthCheckResponse call() {
    boolean keysLoaded = keyRing.isLoaded();
    boolean databaseAnswers = keyRing.databaseAnswers();
    // The constructor, unlike the builder, needs no provider looked up at run time.
    return new HealthCheckResponse(NAME,
        keysLoaded && databaseAnswers ? HealthCheckResponse.Status.UP
            : HealthCheckResponse.Status.DOWN,
        Optional.of(Map.of("signingKeyLoaded", keysLoaded, "databaseAnswers", databaseAnswers)));
  }
}

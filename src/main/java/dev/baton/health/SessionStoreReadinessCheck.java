package dev.baton.health;

import dev.baton.core.BatonStartup;
import dev.baton.core.KeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
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
  @Inject BatonStartup startup;

  @Override
  public HealthCheckResponse call() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("signingKeyLoaded", keyRing.isLoaded());
    Optional<String> notReady = startup.notReadyBecause();
    boolean up;
    if (notReady.isPresent()) {
      // Start-up is retrying on its own; a ping now would only add load and log noise.
      data.put("notReadyBecause", notReady.get());
      up = false;
    } else {
      boolean databaseAnswers = keyRing.databaseAnswers();
      data.put("databaseAnswers", databaseAnswers);
      up = keyRing.isLoaded() && databaseAnswers;
    }
    // The constructor, unlike the builder, needs no provider looked up at run time.
    return new HealthCheckResponse(
        NAME,
        up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
        Optional.of(data));
  }
}

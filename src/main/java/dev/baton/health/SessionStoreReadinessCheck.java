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
    boolean keysLoaded = keyRing.isLoaded();
    boolean databaseAnswers = keyRing.databaseAnswers();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("signingKeyLoaded", keysLoaded);
    data.put("databaseAnswers", databaseAnswers);
    startup.notReadyBecause().ifPresent(reason -> data.put("notReadyBecause", reason));
    boolean up = keysLoaded && databaseAnswers && startup.notReadyBecause().isEmpty();
    // The constructor, unlike the builder, needs no provider looked up at run time.
    return new HealthCheckResponse(NAME,
        up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN, Optional.of(data));
  }
}

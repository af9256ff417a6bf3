package dev.baton.jaxrs;

import dev.baton.api.SessionService;
import dev.baton.api.VerifySession;
import dev.baton.config.SessionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Registers a {@link SessionFilter} on every resource method annotated {@link VerifySession}
 * (directly or through its class), with that annotation's options.
 */
@Provider
@ApplicationScoped
public class VerifySessionFeature implements DynamicFeature {

  @Inject SessionService sessions;
  @Inject SessionConfig config;
  @Inject RequestSession current;
  @Inject RequestTokenTransport transport;

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    VerifySession options = resource.getResourceMethod().getAnnotation(VerifySession.class);
    if (options == null) {
      options = resource.getResourceClass().getAnnotation(VerifySession.class);
    }
    if (options != null) {
      context.register(new SessionFilter(options, sessions, config, current, transport));
    }
  }
}

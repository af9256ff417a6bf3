package dev.baton.jaxrs;

import dev.baton.api.VerifySession;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Verifies the access token of every request whose resource method {@link VerifySession} governs,
 * through {@link SessionVerifier}. It throws; the exception mappers answer.
 *
 * <p>One filter after matching for all requests, rather than one registered per annotated method by
 * a {@code DynamicFeature}: the runtime does not run dynamic features for sub-resources (Jersey)
 * and reports interface or implementation methods differently, and a control that a runtime skips
 * fails open. {@link ProtectedMethods} reads the annotation wherever it may sit; an unannotated
 * request costs one cached lookup.
 *
 * <p>The JAX-RS runtime, not CDI, creates this filter, because only then do both Jersey and
 * RESTEasy inject the per-request {@link ResourceInfo}; the CDI part is looked up once.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class SessionFilter implements ContainerRequestFilter {

  @Context ResourceInfo resource;
  volatile SessionVerifier verifier;

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource.getResourceMethod();
    if (method == null) {
      return;
    }
    Optional<VerifySession> options =
        ProtectedMethods.of(
            resource.getResourceClass(), method, () -> request.getUriInfo().getMatchedResources());
    if (options.isPresent()) {
      verifier().verify(request, options.get());
    } else if (verifier().answersForRolesAllowed()
        && ProtectedMethods.restrictsRoles(resource.getResourceClass(), method)) {
      verifier().requireCaller(request);
    }
  }

  private SessionVerifier verifier() {
    SessionVerifier known = verifier;
    if (known == null) {
      known = CDI.current().select(SessionVerifier.class).get();
      verifier = known;
    }
    return known;
  }
}

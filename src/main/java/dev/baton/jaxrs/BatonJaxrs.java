package dev.baton.jaxrs;

import dev.baton.jaxrs.mapper.InvalidClaimMapper;
import dev.baton.jaxrs.mapper.InvalidSessionInputMapper;
import dev.baton.jaxrs.mapper.MalformedJsonMapper;
import dev.baton.jaxrs.mapper.SessionLimitExceededMapper;
import dev.baton.jaxrs.mapper.SessionStoreUnavailableMapper;
import dev.baton.jaxrs.mapper.TokenTheftDetectedMapper;
import dev.baton.jaxrs.mapper.TryRefreshTokenMapper;
import dev.baton.jaxrs.mapper.UnauthorisedMapper;
import dev.baton.jaxrs.mapper.UnexpectedExceptionMapper;
import dev.baton.jaxrs.mapper.WebApplicationExceptionMapper;
import java.util.Set;

/**
 * Baton's JAX-RS classes, for an {@code Application} that lists its classes instead of relying on
 * scanning: {@code classes.addAll(BatonJaxrs.classes())}.
 */
public final class BatonJaxrs {

  private BatonJaxrs() {}

  /**
   * Baton's resources and its providers for Baton's own types: exactly what JAX-RS scanning finds
   * in the jar.
   *
   * @return the classes
   */
  public static Set<Class<?>> classes() {
    return Set.of(
        SessionFilter.class,
        TokenTransportFilter.class,
        CorsFilter.class,
        RefreshResource.class,
        SignOutResource.class,
        SessionsResource.class,
        JwksResource.class,
        SdkResource.class,
        UnauthorisedMapper.class,
        TryRefreshTokenMapper.class,
        TokenTheftDetectedMapper.class,
        InvalidSessionInputMapper.class,
        InvalidClaimMapper.class,
        SessionLimitExceededMapper.class,
        SessionStoreUnavailableMapper.class);
  }

  /**
   * Opt-in mappers that answer every other error as JSON: the runtime's own errors (404, 405, 415,
   * an unreadable body) keep their status with a JSON body, malformed JSON is a 400 and any other
   * exception a 500 with a correlation id. They apply to the whole application, so only an
   * application that wants its errors this way adds them; the demo does. A {@code
   * WebApplicationException} whose response has a body passes unchanged.
   *
   * @return the mapper classes
   */
  public static Set<Class<?>> jsonErrorMappers() {
    return Set.of(
        WebApplicationExceptionMapper.class,
        MalformedJsonMapper.class,
        UnexpectedExceptionMapper.class);
  }
}

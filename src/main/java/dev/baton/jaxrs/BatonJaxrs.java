package dev.baton.jaxrs;

import dev.baton.jaxrs.mapper.InvalidSessionInputMapper;
import dev.baton.jaxrs.mapper.MalformedJsonMapper;
import dev.baton.jaxrs.mapper.SessionStoreUnavailableMapper;
import dev.baton.jaxrs.mapper.TokenTheftDetectedMapper;
import dev.baton.jaxrs.mapper.TryRefreshTokenMapper;
import dev.baton.jaxrs.mapper.UnauthorisedMapper;
import dev.baton.jaxrs.mapper.UnexpectedExceptionMapper;
import dev.baton.jaxrs.mapper.WebApplicationExceptionMapper;
import java.util.Set;

/**
 * Baton's JAX-RS classes, for an {@code Application} that lists its classes instead of relying
 * on scanning: {@code classes.addAll(BatonJaxrs.classes())}.
 */
public final class BatonJaxrs {

  private BatonJaxrs() {}

  /**
   * The providers and resources to register.
   *
   * @return the classes
   */
  public static Set<Class<?>> classes() {
    return Set.of(
        VerifySessionFeature.class,
        TokenTransportFilter.class,
        CorsFilter.class,
        RefreshResource.class,
        SignOutResource.class,
        JwksResource.class,
        UnauthorisedMapper.class,
        TryRefreshTokenMapper.class,
        TokenTheftDetectedMapper.class,
        InvalidSessionInputMapper.class,
        SessionStoreUnavailableMapper.class,
        WebApplicationExceptionMapper.class,
        MalformedJsonMapper.class,
        UnexpectedExceptionMapper.class);
  }
}

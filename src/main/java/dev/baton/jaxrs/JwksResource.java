package dev.baton.jaxrs;

import dev.baton.config.WebConfig;
import dev.baton.core.KeyRing;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET {base}/jwt/jwks.json}: the public keys (RFC 7517) for services that verify Baton's
 * access tokens themselves. Cached for {@link KeyRing#JWKS_MAX_AGE}: a key is in the set longer
 * than that before it signs, so a verifier that caches it never meets an unknown {@code kid}.
 */
@Path("{base: .+}/jwt/jwks.json")
@RequestScoped
public class JwksResource {

  @Inject KeyRing keyRing;
  @Inject WebConfig web;

  /**
   * The JSON Web Key Set.
   *
   * @param base the API base path the request matched
   * @return the keys
   */
  @GET
  @Operation(hidden = true)
  @Produces(MediaType.APPLICATION_JSON)
  public Response jwks(@PathParam("base") String base) {
    ApiPaths.requireBase(base, web);
    CacheControl cache = new CacheControl();
    cache.setMaxAge((int) KeyRing.JWKS_MAX_AGE.toSeconds());
    cache.setMustRevalidate(true);
    return Response.ok(keyRing.jwks()).cacheControl(cache).build();
  }
}

package dev.baton.jaxrs;

import dev.baton.config.WebConfig;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET {base}/sdk/supertokens-website.js}: the unmodified {@code supertokens-website} SDK,
 * bundled at build time. The refresh page that a browser navigation gets runs it, so that page
 * refreshes with the SDK's own cross-tab lock and stores the new tokens where the SDK reads them.
 */
@Path("{base: .+}/sdk/supertokens-website.js")
@RequestScoped
public class SdkResource {

  /** Where the build puts the bundle, beside this class. */
  static final String BUNDLE = "supertokens-website.js";

  static final int MAX_AGE_SECONDS = 3600;

  @Inject WebConfig web;

  /**
   * The SDK bundle.
   *
   * @param base the API base path the request matched
   * @return the script, or 404 in a build that skipped bundling
   */
  @GET
  @Operation(hidden = true)
  @Produces("text/javascript;charset=utf-8")
  public Response sdk(@PathParam("base") String base) {
    ApiPaths.requireBase(base, web);
    InputStream script = SdkResource.class.getResourceAsStream(BUNDLE);
    if (script == null) {
      throw new NotFoundException();
    }
    CacheControl cache = new CacheControl();
    cache.setMaxAge(MAX_AGE_SECONDS);
    return Response.ok(script).cacheControl(cache).build();
  }
}

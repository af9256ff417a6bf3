package dev.baton.jaxrs;

import dev.baton.config.WebConfig;
import jakarta.ws.rs.NotFoundException;

/**
 * Baton's endpoints live under the configurable {@code session.api-base-path}, which a JAX-RS
 * {@code @Path} cannot read; their resources match any prefix and refuse all but the configured
 * one.
 */
final class ApiPaths {

  private ApiPaths() {}

  /**
   * Checks the prefix a request matched.
   *
   * @param base the {@code base} path parameter, without its leading slash
   * @throws NotFoundException unless it is the configured base path
   */
  static void requireBase(String base, WebConfig web) {
    if (!web.apiBasePath().equals("/" + base)) {
      throw new NotFoundException();
    }
  }
}

package dev.baton.jaxrs.mapper;

/**
 * What the mappers need to know of the request they answer. The {@code dev.baton.jaxrs} package
 * provides it (its request-scoped token transport), so that the mappers depend on nothing there.
 */
public interface RequestFacts {

  /**
   * Whether the request is a browser navigation, which gets a page rather than JSON.
   *
   * @return true for a GET that prefers HTML
   */
  boolean isPageNavigation();

  /**
   * Where Baton's endpoints are, as the browser sees them: the application's path followed by
   * {@code session.api-base-path}.
   *
   * @return the path, without a trailing slash
   */
  String apiPath();
}

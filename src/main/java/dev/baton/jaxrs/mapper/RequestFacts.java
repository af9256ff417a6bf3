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
   * The path of Baton's refresh endpoint under the application.
   *
   * @return the path
   */
  String refreshPath();
}

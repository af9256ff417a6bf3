package dev.baton.jaxrs;

/**
 * A request carries two different values under one session cookie's name: a cookie left on an older
 * cookie domain, or one that a sibling subdomain planted (security review L15). Baton never picks
 * one: the access-token check answers "try refresh", and the refresh endpoint clears the older
 * domain's cookies or refuses.
 */
class DuplicateCookieException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param name the cookie's name (never its values)
   */
  DuplicateCookieException(String name) {
    super("the request carries more than one '" + name + "' cookie");
  }
}

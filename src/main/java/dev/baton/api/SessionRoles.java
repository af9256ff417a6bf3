package dev.baton.api;

import java.util.Set;

/**
 * The application's source of a user's roles. When the application provides a CDI bean of this
 * type, Baton asks it at every login and every refresh and puts its answer in the access token's
 * roles claim ({@code session.roles-claim}, default {@code groups}), so that a change of roles
 * reaches the session within one access-token lifetime, as SuperTokens' {@code UserRoleClaim} does.
 * Without such a bean the roles are whatever the application puts in that claim itself, at login or
 * with {@link SessionService#updateAccessTokenPayload}.
 */
public interface SessionRoles {

  /**
   * The roles a user has now.
   *
   * @param userId the user
   * @return the roles' names; empty for none
   */
  Set<String> rolesOf(String userId);
}

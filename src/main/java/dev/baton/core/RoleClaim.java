package dev.baton.core;

import dev.baton.api.SessionRoles;
import dev.baton.api.exception.InvalidSessionInputException;
import dev.baton.config.SessionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A session's roles: an array of strings in the access-token payload claim {@code
 * session.roles-claim} (MicroProfile JWT's {@code groups} by default), set by the application, or
 * by its {@link SessionRoles} bean at every login and refresh.
 */
@ApplicationScoped
public class RoleClaim {

  @Inject SessionConfig config;
  @Inject Instance<SessionRoles> provider;

  /**
   * The roles a verified payload carries.
   *
   * @param payload the access token's payload
   * @param claim the roles claim's name
   * @return the roles; empty when the claim is absent or not an array of strings
   */
  public static Set<String> rolesIn(JsonObject payload, String claim) {
    JsonValue value = payload == null ? null : payload.get(claim);
    if (!isArrayOfStrings(value)) {
      return Set.of();
    }
    Set<String> roles = new LinkedHashSet<>();
    value.asJsonArray().forEach(role -> roles.add(((JsonString) role).getString()));
    return roles;
  }

  private static boolean isArrayOfStrings(JsonValue value) {
    return value instanceof JsonArray array
        && array.stream().allMatch(JsonString.class::isInstance);
  }

  /**
   * Refuses a payload whose roles claim is not an array of strings.
   *
   * @param payload what the application supplied, possibly {@code null}
   * @throws InvalidSessionInputException naming the claim
   */
  void requireValid(JsonObject payload) {
    JsonValue value = payload == null ? null : payload.get(config.rolesClaim());
    if (value != null && !isArrayOfStrings(value)) {
      throw new InvalidSessionInputException(
          "the roles claim '" + config.rolesClaim() + "' must be an array of strings");
    }
  }

  /**
   * The payload with the roles the application's {@link SessionRoles} bean gives the user now.
   *
   * @param userId the user
   * @param payload the payload so far, possibly {@code null}
   * @return the payload with the roles claim replaced, or empty when there is no such bean
   */
  Optional<JsonObject> withCurrentRoles(String userId, JsonObject payload) {
    if (provider.isUnsatisfied()) {
      return Optional.empty();
    }
    if (provider.isAmbiguous()) {
      // Which one decides who is an administrator must never be a guess.
      throw new IllegalStateException("more than one SessionRoles bean: Baton uses exactly one");
    }
    JsonArrayBuilder roles = JsonSupport.arrayBuilder();
    new TreeSet<>(provider.get().rolesOf(userId)).forEach(roles::add);
    JsonObjectBuilder updated =
        payload == null ? JsonSupport.builder() : JsonSupport.builder(payload);
    return Optional.of(updated.add(config.rolesClaim(), roles).build());
  }
}

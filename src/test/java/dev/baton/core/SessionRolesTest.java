package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.api.SessionRoles;
import dev.baton.api.SessionTokens;
import dev.baton.api.exception.InvalidSessionInputException;
import dev.baton.testing.BatonTest;
import dev.baton.testing.Jwts;
import dev.baton.testing.TestBaton;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, roles in the session: with an application {@link SessionRoles} bean, every login and
 * every refresh puts the user's current roles in the {@code groups} claim, so that a role change
 * reaches the session within one access-token lifetime (SuperTokens' {@code UserRoleClaim}).
 */
@BatonTest(beans = SessionRolesTest.Directory.class)
class SessionRolesTest {

  /** The application's role source: a map the tests change. */
  @ApplicationScoped
  public static class Directory implements SessionRoles {
    private final Map<String, Set<String>> roles = new ConcurrentHashMap<>();

    @Override
    public Set<String> rolesOf(String userId) {
      return roles.getOrDefault(userId, Set.of());
    }

    void grant(String userId, Set<String> names) {
      roles.put(userId, names);
    }

    void clear() {
      roles.clear();
    }
  }

  private final TestBaton baton;
  private final Directory directory;

  SessionRolesTest(TestBaton baton) {
    this.baton = baton;
    this.directory = baton.bean(Directory.class);
  }

  @BeforeEach
  void clearRoles() {
    directory.clear();
  }

  @Test
  void loginPutsTheUsersRolesInTheGroupsClaimWhateverTheApplicationPassed() {
    directory.grant("alice", Set.of("user", "admin"));
    JsonObject claimed =
        Json.createObjectBuilder()
            .add("groups", Json.createArrayBuilder().add("root"))
            .add("theme", "dark")
            .build();

    SessionTokens tokens = baton.sessions().createNewSession("alice", claimed, null);

    JsonObject claims = Jwts.claims(tokens.accessToken().value());
    assertEquals(List.of("admin", "user"), strings(claims, "groups"));
    assertEquals("dark", claims.getString("theme"), "the rest of the payload is kept");
  }

  @Test
  void aRoleChangeReachesTheSessionAtItsNextRefresh() {
    directory.grant("alice", Set.of("user"));
    SessionTokens tokens = baton.sessions().createNewSession("alice", null, null);
    directory.grant("alice", Set.of("user", "admin"));
    baton.clock().advance(Duration.ofMinutes(61));

    SessionTokens refreshed = baton.refresh(tokens);

    assertEquals(
        List.of("admin", "user"), strings(Jwts.claims(refreshed.accessToken().value()), "groups"));
    assertEquals(
        List.of("admin", "user"),
        strings(
            baton
                .sessions()
                .getSessionInformation(tokens.sessionHandle())
                .orElseThrow()
                .accessTokenPayload(),
            "groups"),
        "stored, so the next refresh and check-database see it too");
  }

  @Test
  void aRolesClaimThatIsNotAnArrayOfStringsIsRefused() {
    SessionTokens tokens = baton.sessions().createNewSession("alice", null, null);
    for (JsonObject payload :
        List.of(
            Json.createObjectBuilder().add("groups", "admin").build(),
            Json.createObjectBuilder().add("groups", Json.createArrayBuilder().add(1)).build())) {
      assertThrows(
          InvalidSessionInputException.class,
          () -> baton.sessions().createNewSession("bob", payload, null));
      assertThrows(
          InvalidSessionInputException.class,
          () -> baton.sessions().updateAccessTokenPayload(tokens.sessionHandle(), payload));
    }
  }

  @Test
  void rolesAreReadOnlyFromAnArrayOfStrings() {
    JsonObject roles =
        Json.createObjectBuilder().add("groups", Json.createArrayBuilder().add("a")).build();
    assertEquals(Set.of("a"), RoleClaim.rolesIn(roles, "groups"));
    assertEquals(Set.of(), RoleClaim.rolesIn(roles, "roles"), "another claim");
    assertEquals(Set.of(), RoleClaim.rolesIn(null, "groups"));
    assertEquals(
        Set.of(),
        RoleClaim.rolesIn(
            Json.createObjectBuilder()
                .add("groups", Json.createArrayBuilder().add("a").add(2))
                .build(),
            "groups"),
        "a mixed array names no role");
  }

  private static List<String> strings(JsonObject payload, String claim) {
    return payload.getJsonArray(claim).getValuesAs(v -> ((jakarta.json.JsonString) v).getString());
  }
}

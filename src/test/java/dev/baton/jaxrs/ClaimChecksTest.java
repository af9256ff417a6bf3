package dev.baton.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.api.ClaimValidationError;
import dev.baton.api.SessionClaimValidator;
import dev.baton.api.VerifiedSession;
import dev.baton.api.VerifySession;
import dev.baton.api.exception.InvalidClaimException;
import dev.baton.testing.MutableClock;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Claim validators in SuperTokens' shape: global ones everywhere unless skipped, others where
 * named, every failure reported, and a check that cannot run failing closed.
 */
class ClaimChecksTest {

  private static final Instant LOGIN = Instant.parse("2026-01-01T00:00:00Z");

  /** The endpoints' annotations. */
  static class Endpoints {
    @VerifySession
    void plain() {}

    @VerifySession(claims = "st-ev")
    void needsVerifiedEmail() {}

    @VerifySession(skipClaims = "org")
    void skipsOrg() {}

    @VerifySession(skipClaims = "*", claims = "st-ev")
    void onlyVerifiedEmail() {}

    @VerifySession(claims = "st-eev")
    void misspelt() {}

    @VerifySession(maxAuthAge = "PT5M", claims = "st-ev")
    void recentAndVerified() {}
  }

  private final MutableClock clock = new MutableClock(LOGIN);

  private final SessionClaimValidator org =
      SessionClaimValidator.hasValue("org", Json.createValue("baton"), true);
  private final SessionClaimValidator emailVerified =
      SessionClaimValidator.hasValue("st-ev", JsonValue.TRUE, false);

  private final ClaimChecks checks = ClaimChecks.over(List.of(org, emailVerified));

  private static VerifySession on(String method) throws NoSuchMethodException {
    return Endpoints.class.getDeclaredMethod(method).getAnnotation(VerifySession.class);
  }

  private static VerifiedSession session(JsonObject payload) {
    return new VerifiedSession("h", "alice", payload, Optional.empty(), Optional.empty(), LOGIN);
  }

  private static JsonObject claim(JsonValue value) {
    return Json.createObjectBuilder().add("v", value).add("t", LOGIN.toEpochMilli()).build();
  }

  private static JsonObject payload(JsonValue orgValue, JsonValue emailVerified) {
    var payload = Json.createObjectBuilder();
    if (orgValue != null) {
      payload.add("org", claim(orgValue));
    }
    if (emailVerified != null) {
      payload.add("st-ev", claim(emailVerified));
    }
    return payload.build();
  }

  private List<ClaimValidationError> failures(JsonObject payload, String method) throws Exception {
    VerifySession options = on(method);
    return assertThrows(
            InvalidClaimException.class,
            () -> checks.check(session(payload), options, clock.instant()))
        .errors();
  }

  @Test
  void aGlobalValidatorAppliesToEveryEndpointAndPassesAMatchingClaim() throws Exception {
    checks.check(session(payload(Json.createValue("baton"), null)), on("plain"), clock.instant());

    List<ClaimValidationError> errors = failures(payload(Json.createValue("acme"), null), "plain");

    assertEquals(
        List.of(
            new ClaimValidationError(
                "org",
                Json.createObjectBuilder()
                    .add("message", "wrong value")
                    .add("expectedValue", "baton")
                    .add("actualValue", "acme")
                    .build())),
        errors);
  }

  @Test
  void aNonGlobalValidatorAppliesOnlyWhereTheEndpointNamesIt() throws Exception {
    JsonObject unverified = payload(Json.createValue("baton"), JsonValue.FALSE);
    checks.check(session(unverified), on("plain"), clock.instant());

    List<ClaimValidationError> errors = failures(unverified, "needsVerifiedEmail");

    assertEquals(List.of("st-ev"), errors.stream().map(ClaimValidationError::id).toList());
    assertEquals("wrong value", errors.get(0).reason().getString("message"));
    checks.check(
        session(payload(Json.createValue("baton"), JsonValue.TRUE)),
        on("needsVerifiedEmail"),
        clock.instant());
  }

  @Test
  void anEndpointSkipsOneGlobalValidatorOrAllOfThem() throws Exception {
    JsonObject outsider = payload(Json.createValue("acme"), JsonValue.TRUE);
    checks.check(session(outsider), on("skipsOrg"), clock.instant());
    checks.check(session(outsider), on("onlyVerifiedEmail"), clock.instant());
    assertEquals(
        List.of("st-ev"),
        failures(payload(Json.createValue("acme"), null), "onlyVerifiedEmail").stream()
            .map(ClaimValidationError::id)
            .toList());
  }

  @Test
  void everyFailedCheckIsReportedMaxAuthAgeFirst() throws Exception {
    clock.advance(Duration.ofMinutes(6));

    List<ClaimValidationError> errors = failures(payload(null, null), "recentAndVerified");

    assertEquals(
        List.of("baton-auth-time", "org", "st-ev"),
        errors.stream().map(ClaimValidationError::id).toList());
    assertEquals("value does not exist", errors.get(1).reason().getString("message"));
  }

  @Test
  void anEndpointNamingAnUnknownValidatorRefusesEverySession() throws Exception {
    List<ClaimValidationError> errors =
        failures(payload(Json.createValue("baton"), JsonValue.TRUE), "misspelt");
    assertEquals("st-eev", errors.get(0).id());
    assertEquals("no validator has this id", errors.get(0).reason().getString("message"));
  }

  @Test
  void aValidatorThatThrowsFailsClosed() throws Exception {
    SessionClaimValidator broken =
        new SessionClaimValidator() {
          @Override
          public String id() {
            return "broken";
          }

          @Override
          public Optional<JsonObject> validate(VerifiedSession session) {
            throw new IllegalStateException("directory unreachable");
          }
        };
    ClaimChecks withBroken = ClaimChecks.over(List.of(broken));
    VerifySession plain = on("plain");
    InvalidClaimException refused =
        assertThrows(
            InvalidClaimException.class,
            () -> withBroken.check(session(payload(null, null)), plain, clock.instant()));
    assertEquals("the check could not run", refused.errors().get(0).reason().getString("message"));
  }

  @Test
  void twoValidatorsWithOneIdFailClosedEverywhere() throws Exception {
    ClaimChecks twice =
        ClaimChecks.over(
            List.of(org, SessionClaimValidator.hasValue("org", JsonValue.TRUE, false)));
    VerifySession plain = on("plain");
    InvalidClaimException refused =
        assertThrows(
            InvalidClaimException.class,
            () ->
                twice.check(
                    session(payload(Json.createValue("baton"), null)), plain, clock.instant()));
    assertEquals(
        "two validators have this id", refused.errors().get(0).reason().getString("message"));
  }
}

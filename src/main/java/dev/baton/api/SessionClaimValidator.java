package dev.baton.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * A check on a verified session, in the shape of SuperTokens' session claim validators: "the e-mail
 * is verified", "the user has role X". Declare each as a CDI bean (a class or a producer method). A
 * {@linkplain #global() global} one applies to every {@link VerifySession} endpoint but those that
 * name it in {@link VerifySession#skipClaims()}; any other only where {@link
 * VerifySession#claims()} names it. A session that fails one is answered 403 {@code {"message":
 * "invalid claim","claimValidationErrors":[{"id":...,"reason":{...}}]}}, which the frontend SDK
 * hands to the application, and keeps its tokens.
 *
 * <p>SuperTokens keeps a claim in the access-token payload as {@code {"<id>": {"v": value, "t":
 * fetchedAtMillis}}}; {@link CurrentSession#setClaimValue} writes it so and {@link #hasValue} reads
 * it so, which is what the SDK's {@code BooleanClaim} and {@code PrimitiveClaim} validators expect.
 */
public interface SessionClaimValidator {

  /**
   * The id the frontend sees, and that {@link VerifySession#claims()} names.
   *
   * @return a non-blank id, unique among the application's validators
   */
  String id();

  /**
   * Checks a session. It runs on every request it applies to: read the session's payload, never a
   * database.
   *
   * @param session the verified session
   * @return empty when the session passes, else why not (the {@code reason} the client sees)
   */
  Optional<JsonObject> validate(VerifiedSession session);

  /**
   * Whether it applies to every {@link VerifySession} endpoint.
   *
   * @return true, unless overridden
   */
  default boolean global() {
    return true;
  }

  /**
   * A validator that the claim {@code claimId} holds {@code expected}, read as SuperTokens stores
   * it ({@code payload[claimId].v}), with SuperTokens' reasons: {@code value does not exist} and
   * {@code wrong value}.
   *
   * @param claimId the claim, and the validator's id
   * @param expected the value it must hold
   * @param global whether every {@link VerifySession} endpoint applies it
   * @return the validator
   */
  static SessionClaimValidator hasValue(String claimId, JsonValue expected, boolean global) {
    return new SessionClaimValidator() {
      @Override
      public String id() {
        return claimId;
      }

      @Override
      public boolean global() {
        return global;
      }

      @Override
      public Optional<JsonObject> validate(VerifiedSession session) {
        JsonValue claim = session.accessTokenPayload().get(claimId);
        JsonValue actual =
            claim instanceof JsonObject object && object.containsKey("v") ? object.get("v") : null;
        if (expected.equals(actual)) {
          return Optional.empty();
        }
        JsonObjectBuilder reason =
            Json.createObjectBuilder()
                .add("message", actual == null ? "value does not exist" : "wrong value")
                .add("expectedValue", expected);
        if (actual != null) {
          reason.add("actualValue", actual);
        }
        return Optional.of(reason.build());
      }
    };
  }
}

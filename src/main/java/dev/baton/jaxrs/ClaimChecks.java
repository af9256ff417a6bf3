package dev.baton.jaxrs;

import dev.baton.api.ClaimValidationError;
import dev.baton.api.SessionClaimValidator;
import dev.baton.api.VerifiedSession;
import dev.baton.api.VerifySession;
import dev.baton.api.exception.InvalidClaimException;
import dev.baton.core.JsonSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A protected request's claim checks: {@code maxAuthAge}, then the global validators and those the
 * endpoint names. Every check that fails is reported, as SuperTokens does. A check that cannot run
 * (an unknown id, two validators with one id, a validator that throws) fails, never passes.
 */
@ApplicationScoped
class ClaimChecks {

  private static final Logger LOG = Logger.getLogger(ClaimChecks.class.getName());

  @Inject @Any Instance<SessionClaimValidator> validatorBeans;

  /** The application's validators by id, read once. */
  private volatile Map<String, SessionClaimValidator> validators;

  /**
   * Each annotation's validators, worked out once. Keyed by identity: {@link ProtectedMethods}
   * hands out one instance per resource method, and an annotation's own {@code hashCode} reads
   * every member reflectively, which every protected request would pay.
   */
  private final Map<Plan, List<SessionClaimValidator>> plans = new ConcurrentHashMap<>();

  /** An annotation instance, compared by identity. */
  private record Plan(VerifySession options) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Plan plan && plan.options == options;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(options);
    }
  }

  /**
   * Runs the checks an endpoint asks for.
   *
   * @param session the verified session
   * @param options the endpoint's annotation
   * @param now the current time, for {@code maxAuthAge}
   * @throws InvalidClaimException naming every check the session fails
   */
  void check(VerifiedSession session, VerifySession options, Instant now) {
    Optional<ClaimValidationError> tooOld =
        AuthenticationAge.check(session, options.maxAuthAge(), now);
    List<SessionClaimValidator> validators =
        plans.computeIfAbsent(new Plan(options), p -> plan(p.options()));
    if (tooOld.isEmpty() && validators.isEmpty()) {
      return;
    }
    List<ClaimValidationError> errors = new ArrayList<>();
    tooOld.ifPresent(errors::add);
    for (SessionClaimValidator validator : validators) {
      run(validator, session).ifPresent(errors::add);
    }
    if (!errors.isEmpty()) {
      throw new InvalidClaimException(session.sessionHandle(), errors);
    }
  }

  /** An error with only a message, SuperTokens' shape for a reason. */
  static ClaimValidationError error(String id, String message) {
    return new ClaimValidationError(id, JsonSupport.builder().add("message", message).build());
  }

  private static Optional<ClaimValidationError> run(
      SessionClaimValidator validator, VerifiedSession session) {
    try {
      return validator
          .validate(session)
          .map(reason -> new ClaimValidationError(validator.id(), reason));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, e, () -> "Claim validator '" + validator.id() + "' failed; refused");
      return Optional.of(error(validator.id(), "the check could not run"));
    }
  }

  private List<SessionClaimValidator> plan(VerifySession options) {
    Map<String, SessionClaimValidator> known = validators();
    Set<String> skipped = Set.of(options.skipClaims());
    Map<String, SessionClaimValidator> applied = new LinkedHashMap<>();
    if (!skipped.contains("*")) {
      known.values().stream()
          .filter(v -> v.global() && !skipped.contains(v.id()))
          .forEach(v -> applied.put(v.id(), v));
    }
    for (String id : options.claims()) {
      SessionClaimValidator named = known.get(id);
      if (named == null) {
        LOG.severe(
            () ->
                "@VerifySession names the claim validator '"
                    + id
                    + "', but no SessionClaimValidator bean has that id: every request to it is"
                    + " refused with 403 until it is fixed");
        named = failing(id, "no validator has this id");
      }
      applied.putIfAbsent(id, named);
    }
    return List.copyOf(applied.values());
  }

  /**
   * Checks over the given validators instead of the application's beans.
   *
   * @param given the validators
   * @return the checks
   */
  static ClaimChecks over(List<SessionClaimValidator> given) {
    ClaimChecks checks = new ClaimChecks();
    checks.validators = byId(given);
    return checks;
  }

  private Map<String, SessionClaimValidator> validators() {
    Map<String, SessionClaimValidator> known = validators;
    if (known == null) {
      known = byId(validatorBeans);
      validators = known;
    }
    return known;
  }

  private static Map<String, SessionClaimValidator> byId(Iterable<SessionClaimValidator> all) {
    Map<String, SessionClaimValidator> byId = new TreeMap<>();
    for (SessionClaimValidator validator : all) {
      String id = validator.id();
      if (byId.putIfAbsent(id, validator) != null) {
        LOG.severe(() -> "Two SessionClaimValidator beans have the id '" + id + "': refused");
        byId.put(id, failing(id, "two validators have this id"));
      }
    }
    return Map.copyOf(byId);
  }

  /** A check that cannot be made, and so fails: on every endpoint, since its scope is unknown. */
  private static SessionClaimValidator failing(String id, String message) {
    return new SessionClaimValidator() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public Optional<jakarta.json.JsonObject> validate(VerifiedSession session) {
        return Optional.of(error(id, message).reason());
      }
    };
  }
}

package dev.baton.demo;

import dev.baton.api.SessionClaimValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.json.JsonValue;

/**
 * The demo's claim validator: "the e-mail is verified", under SuperTokens' id for that claim, so
 * that the SDK's {@code BooleanClaim} validators read the same value. Not global: only the
 * endpoints that name it require it.
 */
@ApplicationScoped
class DemoClaims {

  /** SuperTokens' id of the e-mail verification claim. */
  static final String EMAIL_VERIFIED = "st-ev";

  /**
   * The validator.
   *
   * @return {@code st-ev} must hold {@code true}
   */
  @Produces
  @ApplicationScoped
  SessionClaimValidator emailVerified() {
    return SessionClaimValidator.hasValue(EMAIL_VERIFIED, JsonValue.TRUE, false);
  }
}

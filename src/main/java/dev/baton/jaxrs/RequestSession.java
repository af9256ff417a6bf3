package dev.baton.jaxrs;

import dev.baton.api.CurrentSession;
import dev.baton.api.IssuedToken;
import dev.baton.api.SessionService;
import dev.baton.api.VerifiedSession;
import dev.baton.api.exception.UnauthorisedException;
import dev.baton.config.BatonClock;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.util.Optional;

/** The {@link CurrentSession} of a request, filled in by {@link SessionFilter}. */
@RequestScoped
class RequestSession implements CurrentSession {

  @Inject SessionService sessions;
  @Inject RequestTokenTransport transport;
  @Inject @BatonClock Clock clock;

  private VerifiedSession session;
  private String accessToken;
  private TokenMode mode;

  /**
   * The request's verified session.
   *
   * @param verified the session
   * @param token the access token it was verified from
   * @param arrivedAs how the token came, and so how a new one goes back
   */
  void set(VerifiedSession verified, String token, TokenMode arrivedAs) {
    this.session = verified;
    // A token promoted in this request is replaced by the one going out: later changes build on it.
    this.accessToken = verified.newAccessToken().map(IssuedToken::value).orElse(token);
    this.mode = arrivedAs;
  }

  @Override
  public Optional<VerifiedSession> get() {
    return Optional.ofNullable(session);
  }

  @Override
  public VerifiedSession require() {
    if (session == null) {
      throw new UnauthorisedException("no session", null, false);
    }
    return session;
  }

  @Override
  public VerifiedSession recordAuthentication() {
    require();
    return becomes(sessions.recordAuthentication(accessToken));
  }

  @Override
  public VerifiedSession mergeIntoAccessTokenPayload(JsonObject update) {
    VerifiedSession verified = require();
    JsonObjectBuilder merged = Json.createObjectBuilder(verified.accessTokenPayload());
    update.forEach(
        (name, value) -> {
          if (value.getValueType() == JsonValue.ValueType.NULL) {
            merged.remove(name);
          } else {
            merged.add(name, value);
          }
        });
    JsonObject payload = merged.build();
    return becomes(
        new VerifiedSession(
            verified.sessionHandle(),
            verified.userId(),
            payload,
            sessions.regenerateAccessToken(accessToken, payload),
            verified.sessionExpiresAt(),
            verified.authenticatedAt()));
  }

  /** The request's session changed: its new access token, if any, goes out with the response. */
  private VerifiedSession becomes(VerifiedSession changed) {
    changed
        .newAccessToken()
        .ifPresent(
            token -> {
              transport.deliverAccessToken(changed, token, mode);
              accessToken = token.value();
            });
    session = changed;
    return changed;
  }

  @Override
  public VerifiedSession setClaimValue(String claimId, JsonValue value) {
    return mergeIntoAccessTokenPayload(
        Json.createObjectBuilder()
            .add(claimId, Json.createObjectBuilder().add("v", value).add("t", clock.millis()))
            .build());
  }
}

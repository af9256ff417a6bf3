package dev.baton.core;

import static dev.baton.core.StoreFaults.translate;

import dev.baton.api.IssuedToken;
import dev.baton.api.SessionDevice;
import dev.baton.api.SessionInformation;
import dev.baton.api.SessionRevoked;
import dev.baton.api.SessionService;
import dev.baton.api.SessionTokens;
import dev.baton.api.VerifiedSession;
import dev.baton.api.exception.SessionLimitExceededException;
import dev.baton.api.exception.SessionStoreUnavailableException;
import dev.baton.api.exception.TokenTheftDetectedException;
import dev.baton.api.exception.TryRefreshTokenException;
import dev.baton.api.exception.UnauthorisedException;
import dev.baton.config.AntiCsrfMode;
import dev.baton.config.BatonClock;
import dev.baton.config.LifecycleConfig;
import dev.baton.config.SessionConfig;
import dev.baton.core.SessionTransactions.LimitedCreation;
import dev.baton.core.SessionTransactions.PromotionOutcome;
import dev.baton.core.SessionTransactions.RefreshOutcome;
import dev.baton.persistence.SessionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@link SessionService}: checks input, signs and seals tokens, and leaves every database step
 * to {@link SessionTransactions}.
 */
@ApplicationScoped
class DefaultSessionService implements SessionService {

  @Inject SessionTransactions transactions;
  @Inject AccessTokenSigner signer;
  @Inject AccessTokenVerifier verifier;
  @Inject RefreshTokenCodec refreshTokens;
  @Inject SessionEvents events;
  @Inject SessionConfig config;
  @Inject @BatonClock Clock clock;
  @Inject SessionQueue queue;
  @Inject RoleClaim roleClaim;
  @Inject LifecycleConfig lifecycle;

  @Override
  public SessionTokens createNewSession(
      String userId, JsonObject accessTokenPayload, JsonObject sessionData, SessionDevice device) {
    Payloads.userId(userId);
    SessionDevice stored = Devices.stored(device, userId, lifecycle.clientAddress());
    roleClaim.requireValid(accessTokenPayload);
    String payloadJson =
        Payloads.accessTokenPayload(
            roleClaim.withCurrentRoles(userId, accessTokenPayload).orElse(accessTokenPayload));
    String dataJson = Payloads.sessionData(sessionData);
    Instant now = clock.instant();
    String handle = UUID.randomUUID().toString();
    String antiCsrf = newAntiCsrfToken();
    String refreshToken = refreshTokens.seal(new RefreshTokenContent(handle, null, antiCsrf));
    String hash1 = Secrets.sha256Hex(refreshToken);
    Instant expiresAt = config.sessionEnd(now, now);
    // Signed before the row is written, so a payload too big for its cookie leaves nothing behind.
    SessionTokens tokens =
        issue(
            new SessionSnapshot(handle, userId, Payloads.parse(payloadJson), now, expiresAt, now),
            refreshToken,
            null,
            antiCsrf,
            now);
    signer.requireCookieFits(tokens.accessToken(), false);
    SessionEntity session =
        new SessionEntity(
            handle,
            userId,
            RefreshRotation.hash2(hash1),
            dataJson,
            payloadJson,
            now.toEpochMilli(),
            expiresAt.toEpochMilli());
    session.device(stored.userAgent(), stored.clientAddress(), stored.name());
    store(session);
    events.created(handle, userId);
    return tokens;
  }

  /** Stores a new session, within its user's limit when there is one. */
  private void store(SessionEntity session) {
    if (!lifecycle.limitsSessions()) {
      translate(
          () -> {
            transactions.create(session);
            return null;
          });
      return;
    }
    String ownerKey = Secrets.sha256Hex(session.userId());
    LimitedCreation outcome =
        translate(() -> transactions.createWithinLimit(session, ownerKey, lifecycle));
    if (outcome.outcome() == LimitedCreation.Outcome.NO_OWNER) {
      // A user's first login under the limit: the row goes in on its own (another server may
      // insert it at the same moment), then the login takes its turn on it.
      StoreFaults.insertUnlessPresent(() -> transactions.insertOwner(ownerKey));
      outcome = translate(() -> transactions.createWithinLimit(session, ownerKey, lifecycle));
    }
    switch (outcome.outcome()) {
      case CREATED -> {}
      case REFUSED -> throw new SessionLimitExceededException(lifecycle.maxSessionsPerUser());
      case NO_OWNER ->
          // Inserted a moment ago and gone again: a fault of the store, never a pass.
          throw new SessionStoreUnavailableException(
              new IllegalStateException("session owner row missing"));
    }
    outcome
        .evicted()
        .forEach(h -> events.revoked(h, session.userId(), SessionRevoked.Reason.EVICTED));
  }

  @Override
  public VerifiedSession getSession(
      String accessToken, String antiCsrfToken, boolean doAntiCsrfCheck) {
    if (accessToken == null || accessToken.isBlank()) {
      throw new UnauthorisedException("no access token", null, false);
    }
    AccessTokenClaims claims = verifier.verify(accessToken, false);
    if (doAntiCsrfCheck
        && config.antiCsrf() == AntiCsrfMode.VIA_TOKEN
        && !Secrets.constantTimeEquals(claims.antiCsrfToken(), antiCsrfToken)) {
      throw new TryRefreshTokenException("anti-CSRF check failed");
    }
    if (claims.parentRefreshTokenHash1() != null) {
      return confirmChild(claims);
    }
    JsonObject payload = claims.payload();
    if (config.checkDatabase()) {
      // SuperTokens' database-checked verify: the session must be live, and its payload is the
      // stored one, so a payload update or a revocation takes effect on the next request.
      payload =
          Payloads.parse(
              translate(() -> transactions.livePayload(claims.sessionHandle()))
                  .orElseThrow(
                      () ->
                          new UnauthorisedException(
                              "session expired or revoked", claims.sessionHandle())));
    }
    return new VerifiedSession(
        claims.sessionHandle(),
        claims.userId(),
        payload,
        Optional.empty(),
        Optional.empty(),
        claims.authTime());
  }

  /** The first request after a refresh: its refresh token becomes the session's parent. */
  private VerifiedSession confirmChild(AccessTokenClaims claims) {
    PromotionOutcome outcome =
        queue.inTurn(
            claims.sessionHandle(),
            wait -> translate(() -> transactions.confirmChild(claims, wait)));
    return switch (outcome.promotionCase()) {
      case SESSION_GONE ->
          throw new UnauthorisedException("session expired or revoked", claims.sessionHandle());
      case SUPERSEDED -> throw new TryRefreshTokenException("refresh token was superseded");
      case UNCONFIRMED_CHILD, ALREADY_CURRENT -> {
        JsonObject payload = outcome.session().accessTokenPayload();
        IssuedToken confirmed =
            signer.sign(
                claims.confirmed(
                    payload,
                    outcome.session().authTime(),
                    clock.instant(),
                    config.accessTokenValidity()));
        yield new VerifiedSession(
            claims.sessionHandle(),
            claims.userId(),
            payload,
            Optional.of(confirmed),
            Optional.of(outcome.session().expiresAt()),
            outcome.session().authTime());
      }
    };
  }

  @Override
  public SessionTokens refreshSession(String refreshToken, String antiCsrfToken) {
    return refreshSession(refreshToken, antiCsrfToken, true);
  }

  @Override
  public SessionTokens refreshSession(
      String refreshToken, String antiCsrfToken, boolean doAntiCsrfCheck) {
    RefreshTokenContent presented =
        refreshTokens
            .open(refreshToken)
            .orElseThrow(() -> new UnauthorisedException("refresh token is not valid"));
    if (doAntiCsrfCheck
        && config.antiCsrf() == AntiCsrfMode.VIA_TOKEN
        && presented.antiCsrfToken() != null
        && !Secrets.constantTimeEquals(presented.antiCsrfToken(), antiCsrfToken)) {
      throw new UnauthorisedException(
          "anti-CSRF token missing or not matching", presented.sessionHandle());
    }
    // The same bytes are the same token, however the client spelled them (security review L1).
    String hash1 = Secrets.sha256Hex(RefreshTokenCodec.canonical(refreshToken));
    RefreshOutcome outcome =
        queue.inTurn(
            presented.sessionHandle(),
            wait -> translate(() -> transactions.refresh(presented, hash1, wait)));
    SessionSnapshot session = outcome.session();
    return switch (outcome.refreshCase()) {
      case SESSION_GONE ->
          throw new UnauthorisedException("session expired or revoked", presented.sessionHandle());
      case TOKEN_THEFT -> {
        events.theft(session.handle(), session.userId());
        throw new TokenTheftDetectedException(session.handle(), session.userId());
      }
      case CURRENT_PARENT, UNCONFIRMED_CHILD -> {
        String antiCsrf = newAntiCsrfToken();
        String child =
            refreshTokens.seal(new RefreshTokenContent(session.handle(), hash1, antiCsrf));
        SessionTokens tokens =
            issue(withCurrentRoles(session), child, hash1, antiCsrf, clock.instant());
        events.refreshed(session.handle(), session.userId());
        yield tokens;
      }
    };
  }

  @Override
  public boolean revokeSession(String sessionHandle) {
    if (sessionHandle == null) {
      return false;
    }
    Optional<SessionSnapshot> revoked = translate(() -> transactions.revoke(sessionHandle));
    revoked.ifPresent(s -> events.revoked(s.handle(), s.userId(), SessionRevoked.Reason.REQUESTED));
    return revoked.isPresent();
  }

  @Override
  public List<String> revokeAllSessionsForUser(String userId) {
    if (userId == null) {
      return List.of();
    }
    List<String> handles = translate(() -> transactions.revokeAll(userId));
    handles.forEach(h -> events.revoked(h, userId, SessionRevoked.Reason.REQUESTED));
    return handles;
  }

  @Override
  public List<String> revokeAllSessionsForUser(String userId, String keptSessionHandle) {
    if (keptSessionHandle == null) {
      return revokeAllSessionsForUser(userId);
    }
    if (userId == null) {
      return List.of();
    }
    List<String> handles = translate(() -> transactions.revokeAllBut(userId, keptSessionHandle));
    handles.forEach(h -> events.revoked(h, userId, SessionRevoked.Reason.SIGNED_OUT_ELSEWHERE));
    return handles;
  }

  @Override
  public List<SessionInformation> getSessionsOfUser(String userId) {
    return userId == null ? List.of() : translate(() -> transactions.liveSessions(userId));
  }

  @Override
  public boolean updateDeviceName(String sessionHandle, String deviceName) {
    String name = Devices.name(deviceName);
    return sessionHandle != null
        && translate(() -> transactions.update(sessionHandle, s -> s.deviceName(name)));
  }

  @Override
  public List<String> getAllSessionHandlesForUser(String userId) {
    return userId == null ? List.of() : translate(() -> transactions.liveHandles(userId));
  }

  @Override
  public Optional<SessionInformation> getSessionInformation(String sessionHandle) {
    return sessionHandle == null
        ? Optional.empty()
        : translate(() -> transactions.information(sessionHandle));
  }

  @Override
  public boolean updateSessionData(String sessionHandle, JsonObject sessionData) {
    String json = Payloads.sessionData(sessionData);
    return sessionHandle != null
        && translate(() -> transactions.update(sessionHandle, s -> s.sessionData(json)));
  }

  @Override
  public boolean updateAccessTokenPayload(String sessionHandle, JsonObject accessTokenPayload) {
    roleClaim.requireValid(accessTokenPayload);
    String json = Payloads.accessTokenPayload(accessTokenPayload);
    return sessionHandle != null
        && translate(
            () ->
                transactions.update(
                    sessionHandle,
                    s -> {
                      requireCookieFits(s.handle(), s.userId(), Payloads.parse(json));
                      s.accessTokenPayload(json);
                    }));
  }

  @Override
  public Optional<IssuedToken> regenerateAccessToken(
      String accessToken, JsonObject accessTokenPayload) {
    if (accessToken == null || accessToken.isBlank()) {
      throw new UnauthorisedException("no access token");
    }
    roleClaim.requireValid(accessTokenPayload);
    String json = Payloads.accessTokenPayload(accessTokenPayload);
    AccessTokenClaims claims;
    try {
      claims = verifier.verify(accessToken, true);
    } catch (TryRefreshTokenException e) {
      throw new UnauthorisedException("access token is not valid");
    }
    String handle = claims.sessionHandle();
    AccessTokenClaims updated = claims.withPayload(Payloads.parse(json));
    IssuedToken replacement = signer.sign(updated);
    signer.requireCookieFits(replacement, updated.parentRefreshTokenHash1() != null);
    if (!translate(() -> transactions.update(handle, s -> s.accessTokenPayload(json)))) {
      throw new UnauthorisedException("session expired or revoked", handle);
    }
    if (!clock.instant().isBefore(claims.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(replacement);
  }

  @Override
  public VerifiedSession recordAuthentication(String accessToken) {
    if (accessToken == null || accessToken.isBlank()) {
      throw new UnauthorisedException("no access token", null, false);
    }
    AccessTokenClaims claims = verifier.verify(accessToken, false);
    // JWT times are whole seconds; so is the stored time, so that the token and the row agree.
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    AccessTokenClaims fresh = claims.reauthenticated(now, config.accessTokenValidity());
    IssuedToken token = signer.sign(fresh);
    Optional<Instant> sessionEnd =
        translate(
            () ->
                transactions.updateAndGetEnd(
                    claims.sessionHandle(), s -> s.authenticated(now.toEpochMilli())));
    return new VerifiedSession(
        claims.sessionHandle(),
        claims.userId(),
        claims.payload(),
        Optional.of(token),
        Optional.of(
            sessionEnd.orElseThrow(
                () ->
                    new UnauthorisedException(
                        "session expired or revoked", claims.sessionHandle()))),
        now);
  }

  private SessionTokens issue(
      SessionSnapshot session,
      String refreshToken,
      String parentHash1,
      String antiCsrf,
      Instant now) {
    AccessTokenClaims claims =
        new AccessTokenClaims(
            session.handle(),
            session.userId(),
            Secrets.sha256Hex(refreshToken),
            parentHash1,
            antiCsrf,
            session.accessTokenPayload(),
            now,
            AccessTokenClaims.expiryAfter(now, config.accessTokenValidity()),
            session.authTime());
    return new SessionTokens(
        session.handle(),
        session.userId(),
        signer.sign(claims),
        // A refresh token never outlives its session's absolute end.
        new IssuedToken(refreshToken, config.sessionEnd(session.createdAt(), now)),
        antiCsrf,
        session.accessTokenPayload());
  }

  /**
   * The session with the roles the application's {@code SessionRoles} bean gives its user now,
   * stored when they changed, so that a change reaches the session at its next refresh. Asked after
   * the rotation committed: the application's lookup never holds the session's row.
   */
  private SessionSnapshot withCurrentRoles(SessionSnapshot session) {
    Optional<JsonObject> current =
        roleClaim.withCurrentRoles(session.userId(), session.accessTokenPayload());
    if (current.isEmpty() || current.get().equals(session.accessTokenPayload())) {
      return session;
    }
    String json = Payloads.accessTokenPayload(current.get());
    translate(() -> transactions.update(session.handle(), s -> s.accessTokenPayload(json)));
    return new SessionSnapshot(
        session.handle(),
        session.userId(),
        current.get(),
        session.createdAt(),
        session.expiresAt(),
        session.authTime());
  }

  /** Signs a token of the session's longest shape with the new payload, to measure it. */
  private void requireCookieFits(String handle, String userId, JsonObject payload) {
    Instant now = clock.instant();
    String someHash = Secrets.sha256Hex(handle);
    AccessTokenClaims longest =
        new AccessTokenClaims(
            handle,
            userId,
            someHash,
            someHash,
            newAntiCsrfToken(),
            payload,
            now,
            AccessTokenClaims.expiryAfter(now, config.accessTokenValidity()),
            now);
    signer.requireCookieFits(signer.sign(longest), true);
  }

  private String newAntiCsrfToken() {
    return config.antiCsrf() == AntiCsrfMode.VIA_TOKEN ? Secrets.newAntiCsrfToken() : null;
  }
}

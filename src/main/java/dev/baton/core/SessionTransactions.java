package dev.baton.core;

import dev.baton.api.SessionDevice;
import dev.baton.api.SessionInformation;
import dev.baton.api.SessionRevoked;
import dev.baton.config.BatonClock;
import dev.baton.config.LifecycleConfig;
import dev.baton.config.LifecycleConfig.SessionLimitPolicy;
import dev.baton.config.SessionConfig;
import dev.baton.core.RefreshRotation.PromotionCase;
import dev.baton.core.RefreshRotation.RefreshCase;
import dev.baton.persistence.ExpiredSession;
import dev.baton.persistence.SessionEntity;
import dev.baton.persistence.SessionRepository;
import dev.baton.persistence.SessionUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Every database unit of work of the session engine, one transaction per method.
 *
 * <p>Transactions are demarcated with {@link Transactional}: in a server the container's JTA
 * interceptor runs them; under Weld SE the tests bind a small interceptor to the same annotation
 * that runs a resource-local transaction. Each is {@code REQUIRES_NEW}: Baton commits its own work
 * whatever the caller's transaction does afterwards. A theft revocation that joined an
 * application's transaction would be undone when the {@code TokenTheftDetectedException} rolled
 * that transaction back, leaving the thief a live session (RFC 6819 section 5.2.2.3: a detected
 * replay must revoke); and a row lock held until the caller commits could deadlock with the
 * per-session turn of {@link SessionQueue}. The price is a second connection while a caller's
 * transaction is open. Either way a method here is all or nothing, and a row that is read to be
 * changed is locked first, so that a concurrent refresh is never overwritten with a stale
 * refresh-token hash. Methods return values rather than throw, so that callers decide after commit;
 * tokens are signed outside, keeping lock times short.
 */
@ApplicationScoped
class SessionTransactions {

  /** The outcome of a refresh. */
  record RefreshOutcome(RefreshCase refreshCase, SessionSnapshot session) {}

  /** The outcome of confirming a child refresh token named by an access token. */
  record PromotionOutcome(PromotionCase promotionCase, SessionSnapshot session) {}

  @Inject SessionRepository sessions;
  @Inject SessionConfig config;
  @Inject @BatonClock Clock clock;

  /**
   * The outcome of a login under a per-user limit.
   *
   * @param outcome what happened
   * @param evicted the handles of the sessions it ended to make room
   */
  record LimitedCreation(Outcome outcome, List<String> evicted) {

    /** What a login under the limit did. */
    enum Outcome {
      /** Stored, after evicting what it had to. */
      CREATED,
      /** Refused by the policy; nothing changed. */
      REFUSED,
      /** The user has no owner row yet: nothing changed; insert it and try again. */
      NO_OWNER
    }
  }

  @Transactional(TxType.REQUIRES_NEW)
  void create(SessionEntity session) {
    sessions.insert(session);
  }

  /**
   * Makes sure a user's owner row exists. Two servers may insert it at once: the loser's duplicate
   * key fails this transaction only, and its caller then finds the winner's row.
   *
   * @param ownerKey the SHA-256 of the user id, hex
   */
  @Transactional(TxType.REQUIRES_NEW)
  void insertOwner(String ownerKey) {
    sessions.insertOwnerIfAbsent(ownerKey);
  }

  /**
   * Stores a session within its user's limit, with the user's owner row locked: concurrent logins
   * of one user, on any server, count and evict in turn.
   *
   * @param session the new row
   * @param ownerKey its user's owner row
   * @param limits the limit and the policy
   * @return whether it was stored, and which sessions made room
   */
  @Transactional(TxType.REQUIRES_NEW)
  LimitedCreation createWithinLimit(
      SessionEntity session, String ownerKey, LifecycleConfig limits) {
    if (!sessions.lockOwner(ownerKey, config.lockTimeout())) {
      return new LimitedCreation(LimitedCreation.Outcome.NO_OWNER, List.of());
    }
    List<SessionUsage> live = sessions.liveUsageOfUser(session.userId(), clock.millis());
    int excess = live.size() + 1 - limits.maxSessionsPerUser();
    List<String> evicted = List.of();
    if (excess > 0) {
      if (limits.limitPolicy() == SessionLimitPolicy.REFUSE) {
        return new LimitedCreation(LimitedCreation.Outcome.REFUSED, List.of());
      }
      evicted =
          live.stream()
              .sorted(
                  Comparator.comparingLong(SessionUsage::lastUsedAt)
                      .thenComparing(SessionUsage::handle))
              .limit(excess)
              .map(SessionUsage::handle)
              .toList();
      sessions.deleteByHandles(evicted);
    }
    sessions.insert(session);
    return new LimitedCreation(LimitedCreation.Outcome.CREATED, evicted);
  }

  /**
   * Applies SuperTokens' rotation rules with the session row locked.
   *
   * @param presented what the refresh token carries
   * @param presentedHash1 sha256 of the refresh token
   * @param wait how long to wait for the row (see {@link SessionQueue})
   * @return what happened, with the session as it is after the refresh
   */
  @Transactional(TxType.REQUIRES_NEW)
  RefreshOutcome refresh(RefreshTokenContent presented, String presentedHash1, Duration wait) {
    long now = clock.millis();
    SessionEntity session = sessions.lock(presented.sessionHandle(), wait).orElse(null);
    RefreshCase refreshCase =
        RefreshRotation.classifyRefresh(
            lineage(session), presentedHash1, presented.parentRefreshTokenHash1(), now);
    switch (refreshCase) {
      case UNCONFIRMED_CHILD -> promote(session, presentedHash1, now);
      case TOKEN_THEFT -> sessions.delete(session);
      case CURRENT_PARENT, SESSION_GONE -> {}
    }
    return new RefreshOutcome(refreshCase, session == null ? null : snapshot(session));
  }

  /**
   * Confirms the refresh token named by an access token that still carries its parent's hash.
   *
   * @param claims the verified access token
   * @param wait how long to wait for the row (see {@link SessionQueue})
   * @return what happened
   */
  @Transactional(TxType.REQUIRES_NEW)
  PromotionOutcome confirmChild(AccessTokenClaims claims, Duration wait) {
    long now = clock.millis();
    SessionEntity session = sessions.lock(claims.sessionHandle(), wait).orElse(null);
    PromotionCase promotionCase =
        RefreshRotation.classifyPromotion(
            lineage(session), claims.refreshTokenHash1(), claims.parentRefreshTokenHash1(), now);
    if (promotionCase == PromotionCase.UNCONFIRMED_CHILD) {
      promote(session, claims.refreshTokenHash1(), now);
    }
    return new PromotionOutcome(promotionCase, session == null ? null : snapshot(session));
  }

  /** The stored access-token payload of a live session: what the database-checked verify uses. */
  @Transactional(TxType.REQUIRES_NEW)
  Optional<String> livePayload(String handle) {
    long now = clock.millis();
    return sessions
        .find(handle)
        .filter(s -> s.isLiveAt(now))
        .map(SessionEntity::accessTokenPayload);
  }

  @Transactional(TxType.REQUIRES_NEW)
  Optional<SessionSnapshot> revoke(String handle) {
    Optional<SessionEntity> session = sessions.lock(handle, config.lockTimeout());
    session.ifPresent(sessions::delete);
    return session.map(SessionTransactions::snapshot);
  }

  @Transactional(TxType.REQUIRES_NEW)
  List<String> revokeAll(String userId) {
    return sessions.deleteAllOfUser(userId);
  }

  @Transactional(TxType.REQUIRES_NEW)
  List<String> revokeAllBut(String userId, String kept) {
    return sessions.deleteAllOfUserExcept(userId, kept);
  }

  @Transactional(TxType.REQUIRES_NEW)
  List<SessionInformation> liveSessions(String userId) {
    return sessions.liveOfUser(userId, clock.millis()).stream()
        .map(SessionTransactions::information)
        .toList();
  }

  @Transactional(TxType.REQUIRES_NEW)
  List<String> liveHandles(String userId) {
    return sessions.liveHandlesOfUser(userId, clock.millis());
  }

  @Transactional(TxType.REQUIRES_NEW)
  Optional<SessionInformation> information(String handle) {
    long now = clock.millis();
    return sessions.find(handle).filter(s -> s.isLiveAt(now)).map(SessionTransactions::information);
  }

  private static SessionInformation information(SessionEntity s) {
    return new SessionInformation(
        s.handle(),
        s.userId(),
        Payloads.parse(s.sessionData()),
        Payloads.parse(s.accessTokenPayload()),
        Instant.ofEpochMilli(s.createdAt()),
        Instant.ofEpochMilli(s.expiresAt()),
        Instant.ofEpochMilli(s.authTime()),
        Optional.ofNullable(s.refreshedAt()).map(Instant::ofEpochMilli),
        new SessionDevice(s.userAgent(), s.clientAddress(), s.deviceName()));
  }

  /**
   * Changes a live session's row under lock, and says when the session ends.
   *
   * @param handle the session
   * @param change what to change
   * @return the session's end, empty when it was not live
   */
  @Transactional(TxType.REQUIRES_NEW)
  Optional<Instant> updateAndGetEnd(String handle, Consumer<SessionEntity> change) {
    long now = clock.millis();
    Optional<SessionEntity> session =
        sessions.lock(handle, config.lockTimeout()).filter(s -> s.isLiveAt(now));
    session.ifPresent(change);
    return session.map(s -> Instant.ofEpochMilli(s.expiresAt()));
  }

  /**
   * Changes a live session under lock.
   *
   * @param handle the session
   * @param change what to change
   * @return whether the session was live and changed
   */
  @Transactional(TxType.REQUIRES_NEW)
  boolean update(String handle, Consumer<SessionEntity> change) {
    // In this transaction already: the call does not pass through the interceptor again.
    return updateAndGetEnd(handle, change).isPresent();
  }

  /**
   * Deletes a batch of expired sessions.
   *
   * @param batchSize the most to delete
   * @return the deleted sessions, each with why it ended, to announce once this commits
   */
  @Transactional(TxType.REQUIRES_NEW)
  List<SessionRevoked> purgeExpired(int batchSize) {
    return sessions.deleteExpired(clock.millis(), batchSize).stream()
        .map(s -> new SessionRevoked(s.handle(), s.userId(), expiryReason(s)))
        .toList();
  }

  /** A session that lived until its absolute end ended there; any other expired idle. */
  private SessionRevoked.Reason expiryReason(ExpiredSession session) {
    long absoluteEnd = session.createdAt() + config.absoluteLifetime().toMillis();
    return session.expiresAt() >= absoluteEnd
        ? SessionRevoked.Reason.ABSOLUTE_LIFETIME
        : SessionRevoked.Reason.IDLE_TIMEOUT;
  }

  private void promote(SessionEntity session, String childHash1, long now) {
    Instant end =
        config.sessionEnd(Instant.ofEpochMilli(session.createdAt()), Instant.ofEpochMilli(now));
    session.promote(RefreshRotation.hash2(childHash1), end.toEpochMilli(), now);
  }

  private static RefreshRotation.Lineage lineage(SessionEntity session) {
    return session == null
        ? null
        : new RefreshRotation.Lineage(session.refreshTokenHash2(), session.expiresAt());
  }

  private static SessionSnapshot snapshot(SessionEntity session) {
    return new SessionSnapshot(
        session.handle(),
        session.userId(),
        Payloads.parse(session.accessTokenPayload()),
        Instant.ofEpochMilli(session.createdAt()),
        Instant.ofEpochMilli(session.expiresAt()),
        Instant.ofEpochMilli(session.authTime()));
  }
}

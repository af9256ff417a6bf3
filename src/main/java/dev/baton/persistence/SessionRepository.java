package dev.baton.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and writes session rows; callers run it inside a transaction. */
@ApplicationScoped
public class SessionRepository {

  @Inject @BatonDatabase EntityManager entityManager;

  /**
   * Reads a session without locking it.
   *
   * @param handle the session handle
   * @return the row, or empty
   */
  public Optional<SessionEntity> find(String handle) {
    return Optional.ofNullable(entityManager.find(SessionEntity.class, handle));
  }

  /**
   * Reads a session and locks its row until the transaction ends ({@code SELECT ... FOR UPDATE}),
   * so that concurrent refreshes of one session take turns.
   *
   * <p>The wait for the lock is bounded with the JDBC query timeout, which PostgreSQL and MariaDB
   * both honour (Hibernate drops a lock timeout on PostgreSQL; H2 bounds lock waits with its own
   * {@code LOCK_TIMEOUT} and ignores both). Without it, a server that lost its network while
   * holding the lock would stall every refresh of that session on the other servers until the
   * database noticed, which takes as long as TCP keep-alive.
   *
   * @param handle the session handle
   * @param wait how long to wait for the lock, in whole seconds; zero waits as long as it takes
   * @return the locked row, or empty
   */
  public Optional<SessionEntity> lock(String handle, Duration wait) {
    TypedQuery<SessionEntity> query =
        entityManager
            .createNamedQuery("SessionEntity.byHandle", SessionEntity.class)
            .setParameter("handle", handle)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE);
    lockHints(wait).forEach(query::setHint);
    return query.getResultStream().findFirst();
  }

  /**
   * Stores a user's owner row unless it is there.
   *
   * @param ownerKey the SHA-256 of the user id, hex
   */
  public void insertOwnerIfAbsent(String ownerKey) {
    if (entityManager.find(SessionOwnerEntity.class, ownerKey) == null) {
      entityManager.persist(new SessionOwnerEntity(ownerKey));
      // Now, so that a concurrent insert of the same row fails here, where the caller expects it.
      entityManager.flush();
    }
  }

  /**
   * Locks a user's owner row until the transaction ends, bounded like {@link #lock}.
   *
   * @param ownerKey the SHA-256 of the user id, hex
   * @param wait how long to wait for the lock; zero waits as long as it takes
   * @return whether the row exists and is now locked
   */
  public boolean lockOwner(String ownerKey, Duration wait) {
    return entityManager.find(
            SessionOwnerEntity.class, ownerKey, LockModeType.PESSIMISTIC_WRITE, lockHints(wait))
        != null;
  }

  /** The bound on a lock wait (see {@link #lock}); none for zero. */
  private static Map<String, Object> lockHints(Duration wait) {
    if (wait.isZero()) {
      return Map.of();
    }
    int millis = Math.toIntExact(wait.toMillis());
    return Map.of(
        "jakarta.persistence.lock.timeout", millis, "jakarta.persistence.query.timeout", millis);
  }

  /**
   * Stores a new session.
   *
   * @param session the row
   */
  public void insert(SessionEntity session) {
    entityManager.persist(session);
  }

  /**
   * Removes a session.
   *
   * @param session a managed row
   */
  public void delete(SessionEntity session) {
    entityManager.remove(session);
  }

  /**
   * Lists a user's sessions that have not expired, oldest first.
   *
   * @param userId the user
   * @param nowMillis epoch milliseconds
   * @return their handles
   */
  public List<String> liveHandlesOfUser(String userId, long nowMillis) {
    return ofLiveUser("SessionEntity.liveHandlesOfUser", String.class, userId, nowMillis);
  }

  /**
   * A user's live sessions, newest first (the user index, then a sort of that user's rows).
   *
   * @param userId the user
   * @param nowMillis epoch milliseconds
   * @return the sessions
   */
  public List<SessionEntity> liveOfUser(String userId, long nowMillis) {
    return ofLiveUser("SessionEntity.liveOfUser", SessionEntity.class, userId, nowMillis);
  }

  /**
   * When each of a user's live sessions was last used.
   *
   * @param userId the user
   * @param nowMillis epoch milliseconds
   * @return one entry per live session, in no order
   */
  public List<SessionUsage> liveUsageOfUser(String userId, long nowMillis) {
    return ofLiveUser("SessionEntity.usageOfUser", SessionUsage.class, userId, nowMillis);
  }

  /** Runs a named query over one user's live sessions (the user index, then the expiry). */
  private <T> List<T> ofLiveUser(String query, Class<T> type, String userId, long nowMillis) {
    return entityManager
        .createNamedQuery(query, type)
        .setParameter("userId", userId)
        .setParameter("now", nowMillis)
        .getResultList();
  }

  /**
   * Removes every session of a user but one, expired or not.
   *
   * @param userId the user
   * @param kept the handle to keep
   * @return the handles that were removed
   */
  public List<String> deleteAllOfUserExcept(String userId, String kept) {
    return deleteListed(
        entityManager
            .createNamedQuery("SessionEntity.handlesOfUserExcept", String.class)
            .setParameter("userId", userId)
            .setParameter("kept", kept));
  }

  /**
   * Removes every session of a user, expired or not.
   *
   * @param userId the user
   * @return the handles that were removed
   */
  public List<String> deleteAllOfUser(String userId) {
    return deleteListed(
        entityManager
            .createNamedQuery("SessionEntity.handlesOfUser", String.class)
            .setParameter("userId", userId));
  }

  /** Deletes the sessions a query lists, and says which. */
  private List<String> deleteListed(TypedQuery<String> handlesQuery) {
    List<String> handles = handlesQuery.getResultList();
    deleteByHandles(handles);
    return handles;
  }

  /**
   * Removes at most {@code batchSize} sessions that expired before {@code nowMillis}.
   *
   * @param nowMillis epoch milliseconds
   * @param batchSize the most rows to delete in this call
   * @return the sessions removed
   */
  public List<ExpiredSession> deleteExpired(long nowMillis, int batchSize) {
    List<ExpiredSession> expired =
        entityManager
            .createNamedQuery("SessionEntity.expired", ExpiredSession.class)
            .setParameter("now", nowMillis)
            .setMaxResults(batchSize)
            .getResultList();
    if (expired.isEmpty()) {
      return expired;
    }
    List<String> handles = expired.stream().map(ExpiredSession::handle).toList();
    // Expiry is checked again: a server whose clock is behind may have extended one meanwhile.
    int deleted =
        entityManager
            .createNamedQuery("SessionEntity.deleteExpiredByHandles")
            .setParameter("handles", handles)
            .setParameter("now", nowMillis)
            .executeUpdate();
    if (deleted == expired.size()) {
      return expired;
    }
    List<String> remaining =
        entityManager
            .createNamedQuery("SessionEntity.remainingOf", String.class)
            .setParameter("handles", handles)
            .getResultList();
    return expired.stream().filter(s -> !remaining.contains(s.handle())).toList();
  }

  /**
   * Removes the named sessions; a handle already gone is skipped.
   *
   * @param handles the sessions
   * @return how many rows were removed
   */
  public int deleteByHandles(List<String> handles) {
    if (handles.isEmpty()) {
      return 0;
    }
    return entityManager
        .createNamedQuery("SessionEntity.deleteByHandles")
        .setParameter("handles", handles)
        .executeUpdate();
  }
}

package dev.baton.core;

import dev.baton.persistence.SessionEntity;

/**
 * SuperTokens' rotation rules as a pure decision over the locked session row. The session stores
 * only {@code hash2} = sha256(sha256(R)) of its current parent refresh token R.
 */
final class RefreshRotation {

  /** What presenting a refresh token means. */
  enum RefreshCase {
    /** Unknown, expired or revoked session: the client must sign in again. */
    SESSION_GONE,
    /**
     * The current parent: issue a child and change nothing, so parallel refreshes with one token
     * all succeed and a refresh whose response was lost can be retried.
     */
    CURRENT_PARENT,
    /** A child of the current parent, used for the first time: it becomes the parent. */
    UNCONFIRMED_CHILD,
    /** Any other genuine token of the session has been rotated away: someone holds a copy. */
    TOKEN_THEFT
  }

  /** What an access token that still names its parent refresh token means. */
  enum PromotionCase {
    /** Unknown, expired or revoked session. */
    SESSION_GONE,
    /** Its refresh token is the current parent's child: promote it. */
    UNCONFIRMED_CHILD,
    /** Its refresh token was promoted already (by a parallel request): reissue, no write. */
    ALREADY_CURRENT,
    /** The session moved on to another lineage: the client must refresh (and may find theft). */
    SUPERSEDED
  }

  private RefreshRotation() {}

  /**
   * Classifies a refresh.
   *
   * @param session the locked row, or {@code null} when there is none
   * @param presented what the presented token carries
   * @param presentedHash1 sha256 of the presented token
   * @param nowMillis epoch milliseconds
   * @return the case
   */
  static RefreshCase classifyRefresh(
      SessionEntity session, RefreshTokenContent presented, String presentedHash1, long nowMillis) {
    if (session == null || !session.isLiveAt(nowMillis)) {
      return RefreshCase.SESSION_GONE;
    }
    if (isCurrentParent(session, presentedHash1)) {
      return RefreshCase.CURRENT_PARENT;
    }
    if (isCurrentParent(session, presented.parentRefreshTokenHash1())) {
      return RefreshCase.UNCONFIRMED_CHILD;
    }
    return RefreshCase.TOKEN_THEFT;
  }

  /**
   * Classifies an access token that carries {@code parentRefreshTokenHash1}.
   *
   * @param session the locked row, or {@code null}
   * @param claims the verified claims
   * @param nowMillis epoch milliseconds
   * @return the case
   */
  static PromotionCase classifyPromotion(
      SessionEntity session, AccessTokenClaims claims, long nowMillis) {
    if (session == null || !session.isLiveAt(nowMillis)) {
      return PromotionCase.SESSION_GONE;
    }
    if (isCurrentParent(session, claims.parentRefreshTokenHash1())) {
      return PromotionCase.UNCONFIRMED_CHILD;
    }
    if (isCurrentParent(session, claims.refreshTokenHash1())) {
      return PromotionCase.ALREADY_CURRENT;
    }
    return PromotionCase.SUPERSEDED;
  }

  /**
   * The value the session row stores for a refresh token with the given hash1.
   *
   * @param hash1 sha256 of the token
   * @return sha256 of hash1
   */
  static String hash2(String hash1) {
    return Secrets.sha256Hex(hash1);
  }

  private static boolean isCurrentParent(SessionEntity session, String hash1) {
    return hash1 != null && Secrets.constantTimeEquals(session.refreshTokenHash2(), hash2(hash1));
  }
}

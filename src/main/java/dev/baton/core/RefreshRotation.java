package dev.baton.core;

/**
 * SuperTokens' rotation rules as a pure decision over what the locked session row holds. The
 * session stores only {@code hash2} = sha256(sha256(R)) of its current parent refresh token R.
 */
final class RefreshRotation {

  /**
   * What the rules read from the locked session row.
   *
   * @param parentHash2 sha256 of the current parent refresh token's hash1
   * @param expiresAtMillis when the session expires, epoch milliseconds
   */
  record Lineage(String parentHash2, long expiresAtMillis) {

    boolean isLiveAt(long nowMillis) {
      return nowMillis < expiresAtMillis;
    }

    @Override
    public String toString() {
      return "Lineage[expiresAtMillis=" + expiresAtMillis + "]";
    }
  }

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
   * @param stored the locked row, or {@code null} when there is none
   * @param presentedHash1 sha256 of the presented token
   * @param presentedParentHash1 the parent's hash1 that the presented token carries, or {@code
   *     null} for the first token of a session
   * @param nowMillis epoch milliseconds
   * @return the case
   */
  static RefreshCase classifyRefresh(
      Lineage stored, String presentedHash1, String presentedParentHash1, long nowMillis) {
    if (stored == null || !stored.isLiveAt(nowMillis)) {
      return RefreshCase.SESSION_GONE;
    }
    if (isCurrentParent(stored, presentedHash1)) {
      return RefreshCase.CURRENT_PARENT;
    }
    if (isCurrentParent(stored, presentedParentHash1)) {
      return RefreshCase.UNCONFIRMED_CHILD;
    }
    return RefreshCase.TOKEN_THEFT;
  }

  /**
   * Classifies an access token that names a refresh token and its parent.
   *
   * @param stored the locked row, or {@code null}
   * @param refreshTokenHash1 hash1 of the refresh token issued with the access token
   * @param parentHash1 hash1 of that refresh token's parent
   * @param nowMillis epoch milliseconds
   * @return the case
   */
  static PromotionCase classifyPromotion(
      Lineage stored, String refreshTokenHash1, String parentHash1, long nowMillis) {
    if (stored == null || !stored.isLiveAt(nowMillis)) {
      return PromotionCase.SESSION_GONE;
    }
    if (isCurrentParent(stored, parentHash1)) {
      return PromotionCase.UNCONFIRMED_CHILD;
    }
    if (isCurrentParent(stored, refreshTokenHash1)) {
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

  private static boolean isCurrentParent(Lineage stored, String hash1) {
    return hash1 != null && Secrets.constantTimeEquals(stored.parentHash2(), hash2(hash1));
  }
}

package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.core.RefreshRotation.Lineage;
import dev.baton.core.RefreshRotation.PromotionCase;
import dev.baton.core.RefreshRotation.RefreshCase;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SuperTokens' rotation rules as a table, with no container and no database. S is a session's first
 * refresh token, R1 its child, R2 R1's child, and R1b a second child of S (a parallel refresh with
 * S); the row stores the hash2 of the current parent.
 */
class RotationRulesTest {

  private static final long NOW = 1_000_000L;
  private static final String S = "hash1-of-S";
  private static final String R1 = "hash1-of-R1";
  private static final String R1B = "hash1-of-R1b";
  private static final String R2 = "hash1-of-R2";

  private static Lineage parent(String hash1) {
    return new Lineage(RefreshRotation.hash2(hash1), NOW + 1);
  }

  static Stream<Arguments> refreshes() {
    return Stream.of(
        // row, presented token, its parent, expected
        Arguments.of("no row", null, R1, S, RefreshCase.SESSION_GONE),
        Arguments.of(
            "expired at this very millisecond",
            new Lineage(RefreshRotation.hash2(S), NOW),
            S,
            null,
            RefreshCase.SESSION_GONE),
        Arguments.of(
            "expired row with a child",
            new Lineage(RefreshRotation.hash2(S), NOW - 1),
            R1,
            S,
            RefreshCase.SESSION_GONE),
        Arguments.of("first token, current", parent(S), S, null, RefreshCase.CURRENT_PARENT),
        Arguments.of(
            "child of the current parent", parent(S), R1, S, RefreshCase.UNCONFIRMED_CHILD),
        Arguments.of(
            "second child of the current parent", parent(S), R1B, S, RefreshCase.UNCONFIRMED_CHILD),
        Arguments.of("promoted child, current", parent(R1), R1, S, RefreshCase.CURRENT_PARENT),
        Arguments.of("rotated-away first token", parent(R1), S, null, RefreshCase.TOKEN_THEFT),
        Arguments.of("sibling of the promoted child", parent(R1), R1B, S, RefreshCase.TOKEN_THEFT),
        Arguments.of("grandchild of a current parent", parent(S), R2, R1, RefreshCase.TOKEN_THEFT),
        Arguments.of(
            "child of the promoted child", parent(R1), R2, R1, RefreshCase.UNCONFIRMED_CHILD),
        Arguments.of("rotated-away child", parent(R2), R1, S, RefreshCase.TOKEN_THEFT));
  }

  @ParameterizedTest(name = "{0}: {4}")
  @MethodSource("refreshes")
  void refreshIsClassifiedByTheRowsCurrentParent(
      String description,
      Lineage row,
      String presented,
      String presentedParent,
      RefreshCase expected) {
    assertEquals(expected, RefreshRotation.classifyRefresh(row, presented, presentedParent, NOW));
  }

  static Stream<Arguments> promotions() {
    return Stream.of(
        // row, access token's refresh token, its parent, expected
        Arguments.of("no row", null, R1, S, PromotionCase.SESSION_GONE),
        Arguments.of(
            "expired row",
            new Lineage(RefreshRotation.hash2(S), NOW),
            R1,
            S,
            PromotionCase.SESSION_GONE),
        Arguments.of(
            "child of the current parent", parent(S), R1, S, PromotionCase.UNCONFIRMED_CHILD),
        Arguments.of(
            "promoted by a parallel request", parent(R1), R1, S, PromotionCase.ALREADY_CURRENT),
        Arguments.of("sibling was promoted", parent(R1B), R1, S, PromotionCase.SUPERSEDED),
        Arguments.of("lineage moved on", parent(R2), R1, S, PromotionCase.SUPERSEDED),
        Arguments.of("no parent, token current", parent(S), S, null, PromotionCase.ALREADY_CURRENT),
        Arguments.of("no parent, token unknown", parent(S), R1, null, PromotionCase.SUPERSEDED));
  }

  @ParameterizedTest(name = "{0}: {4}")
  @MethodSource("promotions")
  void promotionIsClassifiedByTheRowsCurrentParent(
      String description, Lineage row, String refreshToken, String parent, PromotionCase expected) {
    assertEquals(expected, RefreshRotation.classifyPromotion(row, refreshToken, parent, NOW));
  }

  @ParameterizedTest
  @MethodSource("hashes")
  void rowStoresTheHashOfHash1(String hash1, String hash2) {
    assertEquals(hash2, RefreshRotation.hash2(hash1));
  }

  static Stream<Arguments> hashes() {
    // sha256 of the UTF-8 text, lower-case hex.
    return Stream.of(
        Arguments.of("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        Arguments.of("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
  }

  @org.junit.jupiter.api.Test
  void aLineageNeverPrintsItsHash() {
    Lineage lineage = parent(S);
    assertEquals("Lineage[expiresAtMillis=" + (NOW + 1) + "]", lineage.toString());
  }
}

package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.api.SessionService;
import dev.baton.api.SessionTokens;
import dev.baton.api.VerifiedSession;
import dev.baton.api.exception.TokenTheftDetectedException;
import dev.baton.api.exception.TryRefreshTokenException;
import dev.baton.api.exception.UnauthorisedException;
import dev.baton.testing.Jwts;
import dev.baton.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One session of the rotation-protocol model: an honest client (the victim) and an attacker that
 * copies its tokens, driving the real engine while an abstract model of SuperTokens' rules predicts
 * every answer. Each call checks the engine's answer against the model; the invariants of {@link
 * RotationProtocolModelTest} read the facts recorded here.
 *
 * <p>The model numbers refresh tokens in the order they are issued and knows each one's parent; the
 * server side of it is the current parent, whether the session was revoked and when it expires.
 */
final class ProtocolRun {

  /** Who presents a token. */
  enum Side {
    VICTIM,
    ATTACKER
  }

  /** What an answer was, in the protocol's words. */
  enum Answer {
    OK,
    OK_WITH_NEW_ACCESS_TOKEN,
    TRY_REFRESH,
    UNAUTHORISED,
    THEFT
  }

  /** A token set in someone's hands. */
  private record Held(
      SessionTokens tokens,
      int refreshId,
      String accessToken,
      Instant accessExpiresAt,
      boolean accessNamesParent) {

    Held withAccessToken(String token, Instant expiresAt) {
      return new Held(tokens, refreshId, token, expiresAt, false);
    }
  }

  private static final int NO_PARENT = -1;

  private final SessionService sessions;
  private final MutableClock clock;
  private final Duration refreshValidity;
  private final String handle;

  // The model of the server.
  private final List<Integer> parentOf = new ArrayList<>();
  private final Map<String, Integer> idOf = new HashMap<>();
  private final Map<Integer, Set<Side>> holders = new HashMap<>();
  private int currentParent;
  private boolean revoked;
  private Instant expiresAt;

  // The two sides.
  private Held victim;
  private Held victimPrevious;
  private Held attacker;

  // Facts for the invariants.
  private final List<String> violations = new ArrayList<>();
  private boolean attackerPresented;
  private Side firstOnOwnBranch;
  private Side secondOnOwnBranch;
  private boolean theftDetected;
  private boolean splitChecked;
  private int copiedAt = NO_PARENT;
  private final Set<String> kids = new java.util.HashSet<>();

  ProtocolRun(SessionService sessions, MutableClock clock, Duration refreshValidity) {
    this.sessions = sessions;
    this.clock = clock;
    this.refreshValidity = refreshValidity;
    SessionTokens login = sessions.createNewSession("alice", null, null);
    handle = login.sessionHandle();
    currentParent = register(login, NO_PARENT, Side.VICTIM);
    expiresAt = clock.instant().plus(refreshValidity);
    victim = held(login, false);
  }

  // The actions.

  /** The honest client calls an API; on "try refresh" it refreshes and calls again, as the SDK. */
  void victimCalls() {
    if (victim == null) {
      return;
    }
    Answer answer = call(Side.VICTIM, victim, true);
    if (answer == Answer.TRY_REFRESH) {
      victimRefreshes();
      if (victim != null) {
        call(Side.VICTIM, victim, true);
      }
    }
  }

  /** A request another tab sent with the token set from before the last refresh. */
  void victimCallsFromAStaleTab() {
    if (victimPrevious != null && victim != null) {
      call(Side.VICTIM, victimPrevious, false);
    }
  }

  /** The honest client refreshes (the SDK lets one tab at a time do it). */
  void victimRefreshes() {
    if (victim != null) {
      Held next = refresh(Side.VICTIM, victim, true);
      if (next != null) {
        victimPrevious = victim;
      }
      victim = next;
    }
  }

  /** The honest client refreshes but the answer never arrives; it keeps what it had. */
  void victimLosesARefreshAnswer() {
    if (victim != null) {
      Held lost = refresh(Side.VICTIM, victim, false);
      if (lost == null) {
        victim = null;
      }
    }
  }

  /** The attacker copies the token set the victim holds now, or the one before it. */
  void attackerCopies(boolean previous) {
    Held copied = previous && victimPrevious != null ? victimPrevious : victim;
    if (copied != null) {
      attacker = copied;
      holders.get(copied.refreshId()).add(Side.ATTACKER);
      // A new copy is a new split: the attacker's earlier branch is gone from its hands.
      copiedAt = copied.refreshId();
      firstOnOwnBranch = null;
      secondOnOwnBranch = null;
      splitChecked = false;
    }
  }

  void attackerRefreshes() {
    if (attacker != null) {
      attacker = refresh(Side.ATTACKER, attacker, true);
    }
  }

  void attackerCalls() {
    if (attacker != null) {
      call(Side.ATTACKER, attacker, true);
    }
  }

  void revoke() {
    sessions.revokeSession(handle);
    revoked = true;
  }

  /** Moves time: tokens expire, signing keys rotate, the session may expire. */
  void advance(Duration duration) {
    clock.advance(duration);
  }

  // The facts.

  boolean attackerHolds() {
    return attacker != null;
  }

  List<String> violations() {
    return violations;
  }

  boolean attackerPresented() {
    return attackerPresented;
  }

  /** Whether both sides have presented a token that only they held. */
  boolean split() {
    return secondOnOwnBranch != null;
  }

  boolean theftDetected() {
    return theftDetected;
  }

  /** How the session stands at the end: live, revoked, expired or killed by a theft. */
  String ending() {
    if (theftDetected) {
      return "theft detected";
    }
    if (revoked) {
      return "revoked";
    }
    return modelLive() ? "live" : "expired";
  }

  /** How many signing keys signed the access tokens of this run. */
  int signingKeys() {
    return kids.size();
  }

  boolean modelLive() {
    return !revoked && clock.instant().isBefore(expiresAt);
  }

  // Driving the engine and the model side by side.

  private Held refresh(Side side, Held held, boolean delivered) {
    boolean ownBranch = presented(side, held.refreshId());
    boolean liveBefore = modelLive();
    Answer expected;
    int t = held.refreshId();
    if (!liveBefore) {
      expected = Answer.UNAUTHORISED;
    } else if (t == currentParent) {
      expected = Answer.OK;
    } else if (parentOf.get(t) == currentParent) {
      expected = Answer.OK;
      promote(t);
    } else {
      expected = Answer.THEFT;
      revoked = true;
    }
    SessionTokens issued = null;
    Answer actual;
    try {
      issued = sessions.refreshSession(held.tokens().refreshToken().value(), antiCsrf(held));
      actual = Answer.OK;
    } catch (TokenTheftDetectedException e) {
      actual = Answer.THEFT;
    } catch (UnauthorisedException e) {
      actual = Answer.UNAUTHORISED;
    }
    record(side, "refresh", expected, actual, liveBefore);
    if (actual == Answer.THEFT) {
      theftDetected = true;
    }
    wentOwnWay(side, ownBranch, actual == Answer.OK);
    if (side == secondOnOwnBranch && !splitChecked) {
      // The second side's next refresh after both went their own way: theft is known by now,
      // unless the session had already ended some other way.
      splitChecked = true;
      if (!theftDetected && liveBefore) {
        violations.add("both sides used their own branch, yet " + side + "'s refresh passed");
      }
    }
    if (issued == null) {
      return null;
    }
    register(issued, t, delivered ? side : null);
    return delivered ? held(issued, true) : held;
  }

  private Answer call(Side side, Held held, boolean updatesHolder) {
    // Only a token the engine accepts tells it which branch the caller is on.
    boolean ownBranch =
        held.accessNamesParent()
            && clock.instant().isBefore(held.accessExpiresAt())
            && presented(side, held.refreshId());
    boolean liveBefore = modelLive();
    Answer expected;
    int t = held.refreshId();
    if (!clock.instant().isBefore(held.accessExpiresAt())) {
      expected = Answer.TRY_REFRESH;
    } else if (!held.accessNamesParent()) {
      expected = Answer.OK;
    } else if (!liveBefore) {
      expected = Answer.UNAUTHORISED;
    } else if (parentOf.get(t) == currentParent) {
      expected = Answer.OK_WITH_NEW_ACCESS_TOKEN;
      promote(t);
    } else if (t == currentParent) {
      expected = Answer.OK_WITH_NEW_ACCESS_TOKEN;
    } else {
      expected = Answer.TRY_REFRESH;
    }
    VerifiedSession verified = null;
    Answer actual;
    try {
      verified = sessions.getSession(held.accessToken(), antiCsrf(held), true);
      actual = verified.newAccessToken().isPresent() ? Answer.OK_WITH_NEW_ACCESS_TOKEN : Answer.OK;
    } catch (TryRefreshTokenException e) {
      actual = Answer.TRY_REFRESH;
    } catch (UnauthorisedException e) {
      actual = Answer.UNAUTHORISED;
    }
    record(side, "call", expected, actual, liveBefore);
    wentOwnWay(side, ownBranch, actual == Answer.OK_WITH_NEW_ACCESS_TOKEN);
    if (verified != null && verified.newAccessToken().isPresent() && updatesHolder) {
      var token = verified.newAccessToken().get();
      Held renewed = held.withAccessToken(token.value(), token.expiresAt());
      if (side == Side.VICTIM) {
        victim = renewed;
      } else {
        attacker = renewed;
      }
    }
    if (actual == Answer.UNAUTHORISED && side == Side.VICTIM && updatesHolder) {
      victim = null;
    }
    return actual;
  }

  /**
   * Whether a side presents a token of its own branch since the attacker's last copy: one that
   * descends from the copied token and that only this side ever held.
   */
  private boolean presented(Side side, int refreshId) {
    if (side == Side.ATTACKER) {
      attackerPresented = true;
    }
    return copiedAt != NO_PARENT
        && descendsFrom(refreshId, copiedAt)
        && holders.get(refreshId).equals(EnumSet.of(side));
  }

  /**
   * The first side is the one whose own branch the engine accepted (a promotion, or a refresh); the
   * second is the other side, the moment it presents its own branch, accepted or not. A refused use
   * (a superseded call) of the side that was on its own first does not make it first: the engine
   * only learns of a split from a branch it went on with.
   */
  private void wentOwnWay(Side side, boolean ownBranch, boolean accepted) {
    if (!ownBranch) {
      return;
    }
    if (firstOnOwnBranch == null) {
      if (accepted) {
        firstOnOwnBranch = side;
      }
    } else if (firstOnOwnBranch != side && secondOnOwnBranch == null) {
      secondOnOwnBranch = side;
    }
  }

  private boolean descendsFrom(int refreshId, int ancestor) {
    for (int t = parentOf.get(refreshId); t != NO_PARENT; t = parentOf.get(t)) {
      if (t == ancestor) {
        return true;
      }
    }
    return false;
  }

  private void record(Side side, String what, Answer expected, Answer actual, boolean liveBefore) {
    String step = side + " " + what + " at " + clock.instant();
    assertEquals(expected, actual, "the engine and the model disagree: " + step);
    if (!liveBefore
        && (actual == Answer.OK_WITH_NEW_ACCESS_TOKEN || isRefreshSuccess(what, actual))) {
      violations.add("a dead session yielded a token: " + step);
    }
    if (side == Side.VICTIM && !attackerPresented) {
      if (actual == Answer.THEFT) {
        violations.add("the honest client alone saw theft: " + step);
      }
      if (actual == Answer.UNAUTHORISED && liveBefore) {
        violations.add("the honest client got a 401 while its session was live: " + step);
      }
    }
  }

  private static boolean isRefreshSuccess(String what, Answer actual) {
    return what.equals("refresh") && actual == Answer.OK;
  }

  private void promote(int refreshId) {
    currentParent = refreshId;
    expiresAt = clock.instant().plus(refreshValidity);
  }

  private int register(SessionTokens tokens, int parent, Side holder) {
    int id = parentOf.size();
    parentOf.add(parent);
    idOf.put(tokens.refreshToken().value(), id);
    Set<Side> holding = EnumSet.noneOf(Side.class);
    if (holder != null) {
      holding.add(holder);
    }
    holders.put(id, holding);
    return id;
  }

  private Held held(SessionTokens tokens, boolean fromRefresh) {
    kids.add(Jwts.header(tokens.accessToken().value()).getString("kid"));
    return new Held(
        tokens,
        idOf.get(tokens.refreshToken().value()),
        tokens.accessToken().value(),
        tokens.accessToken().expiresAt(),
        fromRefresh);
  }

  private static String antiCsrf(Held held) {
    return held.tokens().antiCsrfToken();
  }
}

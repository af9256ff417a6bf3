package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.BatonTest;
import dev.baton.testing.TestBaton;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs that {@link RotationProtocolModelTest} shrank to while its model was being written, kept as
 * regular tests: each is a protocol subtlety the model first got wrong.
 */
@BatonTest(config = {"session.refresh-token.validity=P1D", "session.signing-key.rotation=PT2H"})
class RotationProtocolExamplesTest {

  private final TestBaton baton;
  private ProtocolRun run;

  RotationProtocolExamplesTest(TestBaton baton) {
    this.baton = baton;
  }

  @BeforeEach
  void logIn() {
    // After the extension's reset, which runs after the constructor.
    run = new ProtocolRun(baton.sessions(), baton.clock(), Duration.ofDays(1));
  }

  @Test
  void copiedCurrentParentRefreshedByBothIsCaughtWhenTheSecondBranchIsUsed() {
    run.victimRefreshes();
    run.victimCalls(); // promotes the victim's child
    run.attackerCopies(false);
    run.attackerRefreshes(); // a child of the current parent: no theft yet
    run.victimRefreshes(); // another child of the same parent
    run.advance(Duration.ofMinutes(5));
    run.attackerRefreshes(); // the attacker's child becomes the parent
    assertFalse(run.theftDetected(), "the engine cannot tell yet who holds a copy");

    run.victimRefreshes(); // the victim's child now descends from a superseded parent

    assertTrue(run.theftDetected());
    assertEquals(List.of(), run.violations());
    assertEquals("theft detected", run.ending());
  }

  @Test
  void anExpiredAccessTokenOfABranchTellsTheEngineNothing() {
    run.victimRefreshes();
    run.attackerCopies(false);
    run.attackerRefreshes();
    run.advance(Duration.ofMinutes(66));
    run.victimLosesARefreshAnswer();
    run.attackerCalls(); // its access token expired: refused before any lineage check
    run.victimCalls(); // refreshes on "try refresh", then promotes its own child
    run.victimLosesARefreshAnswer();

    assertEquals(List.of(), run.violations());
    assertFalse(run.split(), "only the victim's branch reached the engine");
  }

  @Test
  void aStaleTabsTokenFromBeforeTheCopyIsNoBranch() {
    run.victimRefreshes();
    run.victimRefreshes();
    run.victimCallsFromAStaleTab();
    run.victimRefreshes();
    run.victimCalls();
    run.attackerCopies(false);
    run.victimCallsFromAStaleTab(); // superseded: "try refresh", not a branch of the copy
    run.victimRefreshes();
    run.attackerRefreshes();
    run.attackerRefreshes(); // promotes the attacker's child; the victim has not used its own

    assertEquals(List.of(), run.violations());
    assertFalse(run.theftDetected());
    run.victimCalls(); // the victim's branch reaches the engine: "try refresh", then theft
    assertTrue(run.theftDetected());
    assertEquals(List.of(), run.violations());
  }

  @Test
  void aRefusedUseOfABranchIsNotWhereTheSplitStarts() {
    run.victimCalls();
    run.victimRefreshes();
    run.victimCalls(); // promotes R1
    run.victimLosesARefreshAnswer();
    run.attackerCopies(false); // R1
    run.victimRefreshes(); // R2v
    run.attackerCopies(false); // R2v
    run.attackerCopies(true); // back to R1
    run.attackerRefreshes(); // R2a, a second child of R1
    run.victimRefreshes(); // promotes R2v: the victim's branch goes on
    run.attackerCalls(); // R2a's access token is superseded: "try refresh", nothing written
    assertFalse(run.theftDetected());

    run.victimRefreshes(); // the victim's own branch, accepted: it is the first side

    assertFalse(run.theftDetected(), "nothing stale was presented yet");
    run.attackerRefreshes(); // the attacker's branch: theft
    assertTrue(run.theftDetected());
    assertEquals(List.of(), run.violations());
  }
}

package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.testing.StartState;
import dev.baton.testing.TestBaton;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeTry;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import net.jqwik.api.statistics.Statistics;

/**
 * The rotation protocol as a model: random interleavings of an honest client (calls, refreshes,
 * lost answers, stale tabs), an attacker holding copies taken at random moments, revocations and a
 * moving clock (access tokens expire, signing keys rotate every two hours, sessions expire after a
 * day), against the real engine on H2. {@link ProtocolRun} checks each answer against a model of
 * the rules; the invariants below are checked after every step.
 */
class RotationProtocolModelTest {

  private static final Duration REFRESH_VALIDITY = Duration.ofDays(1);

  private static TestBaton baton;
  private static StartState started;

  @BeforeContainer
  static void start() {
    baton =
        TestBaton.builder()
            .config("session.refresh-token.validity", REFRESH_VALIDITY.toString())
            .config("session.signing-key.rotation", "PT2H")
            .start();
    started = StartState.capture(baton);
  }

  @AfterContainer
  static void stop() {
    baton.close();
  }

  @BeforeTry
  void reset() {
    started.restore();
  }

  /**
   * After every step: the engine answered as the model predicts; an honest client alone never saw
   * theft, nor a 401 while its session was live; once both sides used a branch of their own, the
   * second side's next refresh found the theft (unless the session had ended otherwise); a dead
   * session never refreshed nor yielded a new token. The coverage checks (far below what a run
   * usually reaches) fail the test when the generator stops reaching thefts, splits, revocations,
   * expiry, runs without the attacker, or key rotations.
   */
  @Property(tries = 200)
  void theRotationProtocolKeepsItsInvariants(@ForAll("runs") ActionChain<ProtocolRun> run) {
    ProtocolRun ended =
        run.withInvariant("the engine answers as the model says", r -> noViolations(r)).run();
    Statistics.label("ending").collect(ended.ending());
    Statistics.label("attacker presented a token").collect(ended.attackerPresented());
    Statistics.label("both sides went their own way").collect(ended.split());
    Statistics.label("more than one signing key").collect(ended.signingKeys() > 1);
    Statistics.label("ending")
        .coverage(
            c -> {
              c.check("theft detected").count(n -> n >= 30);
              c.check("revoked").count(n -> n >= 10);
              c.check("expired").count(n -> n >= 3);
            });
    Statistics.label("both sides went their own way")
        .coverage(c -> c.check(true).count(n -> n >= 5));
    Statistics.label("attacker presented a token")
        .coverage(c -> c.check(false).count(n -> n >= 10));
    Statistics.label("more than one signing key").coverage(c -> c.check(true).count(n -> n >= 20));
  }

  private static void noViolations(ProtocolRun run) {
    assertEquals(List.of(), run.violations());
  }

  @Provide
  Arbitrary<ActionChain<ProtocolRun>> runs() {
    return ActionChain.<ProtocolRun>startWith(
            () -> new ProtocolRun(baton.sessions(), baton.clock(), REFRESH_VALIDITY))
        .withAction(18, mutate("victim calls", ProtocolRun::victimCalls))
        .withAction(6, mutate("a stale tab calls", ProtocolRun::victimCallsFromAStaleTab))
        .withAction(12, mutate("victim refreshes", ProtocolRun::victimRefreshes))
        .withAction(
            6, mutate("victim loses a refresh answer", ProtocolRun::victimLosesARefreshAnswer))
        .withAction(6, new AttackerCopies())
        .withAction(15, attacker("attacker refreshes", ProtocolRun::attackerRefreshes))
        .withAction(9, attacker("attacker calls", ProtocolRun::attackerCalls))
        .withAction(1, mutate("revoke", ProtocolRun::revoke))
        .withAction(8, new TimePasses())
        .withMaxTransformations(30);
  }

  private static Action.Independent<ProtocolRun> mutate(
      String description, java.util.function.Consumer<ProtocolRun> step) {
    return Action.just(Transformer.mutate(description, step));
  }

  private static Action.Independent<ProtocolRun> attacker(
      String description, java.util.function.Consumer<ProtocolRun> step) {
    return Action.<ProtocolRun>when(ProtocolRun::attackerHolds)
        .describeAs(description)
        .justMutate(step);
  }

  /** Copies the victim's current token set, or the one before it. */
  private static final class AttackerCopies implements Action.Independent<ProtocolRun> {
    @Override
    public Arbitrary<Transformer<ProtocolRun>> transformer() {
      return Arbitraries.of(false, true)
          .map(
              previous ->
                  Transformer.mutate(
                      previous ? "attacker copies the previous set" : "attacker copies",
                      r -> r.attackerCopies(previous)));
    }
  }

  /** Minutes (nothing expires), past an access token, past a signing key, past the session. */
  private static final class TimePasses implements Action.Independent<ProtocolRun> {
    @Override
    public Arbitrary<Transformer<ProtocolRun>> transformer() {
      return Arbitraries.frequencyOf(
              net.jqwik.api.Tuple.of(4, Arbitraries.just(Duration.ofMinutes(5))),
              net.jqwik.api.Tuple.of(4, Arbitraries.just(Duration.ofMinutes(61))),
              net.jqwik.api.Tuple.of(2, Arbitraries.just(Duration.ofMinutes(121))),
              net.jqwik.api.Tuple.of(1, Arbitraries.just(Duration.ofHours(25))))
          .map(d -> Transformer.mutate("time passes " + d, r -> r.advance(d)));
    }
  }
}

package dev.baton.it;

import dev.baton.testing.TestDatabase;
import org.junit.platform.suite.api.AfterSuite;
import org.junit.platform.suite.api.ExcludeClassNamePatterns;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;

/**
 * The engine's tests, run again on a database server by a suite that extends this one. {@code mvn
 * test} runs them on H2; {@code mvn verify} runs the suites among the integration tests, so that
 * they overlap with the servers' tests instead of waiting for them. A suite picks its database for
 * {@link dev.baton.testing.TestDatabase} in its {@code @BeforeSuite}; its display name goes into
 * the names of its report files, so the two suites' reports of one class are two files.
 *
 * <p>Left out: the tests with no database in them, and the protocol model, for which H2 is enough.
 */
@SelectPackages("dev.baton.core")
@IncludeClassNamePatterns(".*Test")
@ExcludeClassNamePatterns(
    ".*\\.(RotationRulesTest|RotationProtocolModelTest|FaultSummaryTest|BatonStartupTest)")
abstract class EngineSuite {

  static void useDatabase(String kind) {
    System.setProperty(TestDatabase.KIND, kind);
  }

  @AfterSuite
  static void backToTheDefault() {
    System.clearProperty(TestDatabase.KIND);
  }
}

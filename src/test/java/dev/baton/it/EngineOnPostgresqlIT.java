package dev.baton.it;

import org.junit.platform.suite.api.BeforeSuite;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/** The engine's tests on this machine's PostgreSQL, each test server on a database of its own. */
@Suite
@SuiteDisplayName("engine on PostgreSQL")
class EngineOnPostgresqlIT extends EngineSuite {

  @BeforeSuite
  static void onPostgresql() {
    useDatabase("postgresql");
  }
}

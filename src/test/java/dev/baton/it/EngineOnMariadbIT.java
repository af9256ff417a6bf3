package dev.baton.it;

import dev.baton.testing.TestDatabase;
import org.junit.platform.suite.api.BeforeSuite;
import org.junit.platform.suite.api.ExcludeTags;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The engine's tests on this machine's MariaDB, each test server on a database of its own. The
 * tests tagged {@value TestDatabase#POSTGRESQL_ONLY} always talk to PostgreSQL and already ran in
 * {@link EngineOnPostgresqlIT}.
 */
@Suite
@SuiteDisplayName("engine on MariaDB")
@ExcludeTags(TestDatabase.POSTGRESQL_ONLY)
class EngineOnMariadbIT extends EngineSuite {

  @BeforeSuite
  static void onMariadb() {
    useDatabase("mariadb");
  }
}

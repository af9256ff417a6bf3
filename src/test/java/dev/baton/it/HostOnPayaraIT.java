package dev.baton.it;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The host application on Payara Micro and PostgreSQL. */
class HostOnPayaraIT extends HostApplicationContract {

  private static ScratchPostgres database;
  private static PayaraMicro payara;

  @Override
  URI base() {
    return payara.base();
  }

  @BeforeAll
  static void start() throws Exception {
    database = ScratchPostgres.create("baton_host_payara_");
    payara =
        PayaraMicro.start(
            Path.of(System.getProperty("host.war", "target/it/host/target/host.war")),
            9290,
            5432,
            database.name(),
            Map.of(
                // Plain HTTP here; the production recipe with HTTPS is tested on Liberty.
                "SESSION_COOKIE_SECURE", "false",
                "SESSION_LOCK_TIMEOUT", "PT0S",
                // Short enough for a test to see a token expire.
                "SESSION_ACCESS_TOKEN_VALIDITY", "PT5S"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (payara != null) {
      payara.close();
    }
    if (database != null) {
      database.close();
    }
  }
}

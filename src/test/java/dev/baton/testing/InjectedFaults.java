package dev.baton.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.api.Trigger;

/**
 * Makes the database itself refuse updates of session rows with a chosen SQLState, a given number
 * of times: a trigger that raises the error, on H2, PostgreSQL and MariaDB. The count of firings
 * survives the rollback of the failed transaction (a sequence; on H2 a counter in this JVM).
 */
public final class InjectedFaults implements AutoCloseable {

  private final TestDatabase database;

  private InjectedFaults(TestDatabase database) {
    this.database = database;
  }

  /**
   * Installs the trigger.
   *
   * @param database the test database
   * @param sqlState what the refused update reports
   * @param times how many updates to refuse
   * @return a handle to count firings and remove the trigger
   */
  public static InjectedFaults failSessionUpdates(TestDatabase database, String sqlState, int times)
      throws SQLException {
    InjectedFaults faults = new InjectedFaults(database);
    switch (database.kind()) {
      case "postgresql" ->
          faults.sql(
              "CREATE SEQUENCE injected_faults",
              "CREATE FUNCTION inject_fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                  + " IF nextval('injected_faults') <= "
                  + times
                  + " THEN"
                  + " RAISE EXCEPTION 'injected by the test' USING ERRCODE = '"
                  + sqlState
                  + "';"
                  + " END IF; RETURN NEW; END $$",
              "CREATE TRIGGER inject_fault BEFORE UPDATE ON baton_session"
                  + " FOR EACH ROW EXECUTE FUNCTION inject_fault()");
      case "mariadb" ->
          faults.sql(
              "CREATE SEQUENCE injected_faults NOCACHE",
              "CREATE TRIGGER inject_fault BEFORE UPDATE ON baton_session FOR EACH ROW BEGIN"
                  + " IF NEXTVAL(injected_faults) <= "
                  + times
                  + " THEN"
                  + " SIGNAL SQLSTATE '"
                  + sqlState
                  + "' SET MESSAGE_TEXT = 'injected by the test';"
                  + " END IF; END");
      default -> {
        H2Fault.arm(sqlState, times);
        faults.sql(
            "CREATE TRIGGER inject_fault BEFORE UPDATE ON baton_session FOR EACH ROW"
                + " CALL \""
                + H2Fault.class.getName()
                + "\"");
      }
    }
    return faults;
  }

  /** How many times the trigger fired, failing or not. */
  public long fired() throws SQLException {
    String query =
        switch (database.kind()) {
          case "postgresql" -> "SELECT last_value FROM injected_faults";
          case "mariadb" -> "SELECT next_not_cached_value - 1 FROM injected_faults";
          default -> null;
        };
    if (query == null) {
      return H2Fault.fired.get();
    }
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(query)) {
      row.next();
      return row.getLong(1);
    }
  }

  /** Removes the trigger: updates succeed again. */
  public void remove() throws SQLException {
    sql(
        database.kind().equals("postgresql")
            ? "DROP TRIGGER IF EXISTS inject_fault ON baton_session"
            : "DROP TRIGGER IF EXISTS inject_fault");
  }

  /** Removes the trigger and what counts its firings, leaving the database as it was. */
  @Override
  public void close() throws SQLException {
    remove();
    switch (database.kind()) {
      case "postgresql" ->
          sql("DROP FUNCTION IF EXISTS inject_fault()", "DROP SEQUENCE IF EXISTS injected_faults");
      case "mariadb" -> sql("DROP SEQUENCE IF EXISTS injected_faults");
      default -> {}
    }
  }

  private void sql(String... statements) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** H2 runs triggers as Java classes in the same JVM. */
  public static final class H2Fault implements Trigger {

    static final AtomicInteger fired = new AtomicInteger();
    private static volatile String state;
    private static volatile int times;

    static void arm(String sqlState, int count) {
      state = sqlState;
      times = count;
      fired.set(0);
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
      if (fired.incrementAndGet() <= times) {
        throw new SQLException("injected by the test", state);
      }
    }
  }
}

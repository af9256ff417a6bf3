package dev.baton.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** An empty database on this machine's PostgreSQL, for servers under test, dropped on close. */
final class ScratchPostgres implements AutoCloseable {

  private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  private final String name;

  private ScratchPostgres(String name) {
    this.name = name;
  }

  /**
   * Creates the database.
   *
   * @param prefix the start of its name; a random suffix keeps runs apart
   */
  static ScratchPostgres create(String prefix) throws SQLException {
    ScratchPostgres database =
        new ScratchPostgres(prefix + UUID.randomUUID().toString().replace("-", ""));
    admin("CREATE DATABASE " + database.name);
    return database;
  }

  String name() {
    return name;
  }

  /** A connection of its own to the database, bypassing any proxy. */
  Connection connect() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres");
  }

  /** How many connections to this database wait for a lock now. */
  int lockWaiters() throws SQLException {
    try (Connection connection = connect();
        Statement sql = connection.createStatement();
        ResultSet count =
            sql.executeQuery(
                "SELECT count(*) FROM pg_stat_activity"
                    + " WHERE datname = '"
                    + name
                    + "' AND wait_event_type = 'Lock'")) {
      count.next();
      return count.getInt(1);
    }
  }

  @Override
  public void close() throws SQLException {
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void admin(String statement) throws SQLException {
    try (Connection connection = DriverManager.getConnection(ADMIN_URL);
        Statement sql = connection.createStatement()) {
      sql.execute(statement);
    }
  }
}

package dev.baton.testing;

import dev.baton.core.KeyRing;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What test servers on one database looked like just after they started, so that the next test
 * starts from it again: no sessions, the keys made at start (a test may have rotated them), the
 * clock at {@link TestBaton#START} and no recorded events. {@link BatonTest} uses it for one
 * server; a test class with several servers keeps one itself.
 */
public final class StartState {

  /** Baton's key tables, restored row for row; the sessions are deleted. */
  private static final List<String> KEY_TABLES =
      List.of("baton_keyring", "baton_signing_key", "baton_refresh_key");

  private final List<TestBaton> servers;
  private final TestBaton baton;
  private final Map<String, List<Map<String, Object>>> keyRows;

  private StartState(List<TestBaton> servers, Map<String, List<Map<String, Object>>> keyRows) {
    this.servers = servers;
    this.baton = servers.get(0);
    this.keyRows = keyRows;
  }

  /**
   * Reads the state of servers that share the first one's database and clock.
   *
   * @param baton a server
   * @param others servers on the same database
   * @return the state to restore before each test
   */
  public static StartState capture(TestBaton baton, TestBaton... others) {
    List<TestBaton> servers = new ArrayList<>(List.of(baton));
    servers.addAll(List.of(others));
    try (Connection connection = baton.database().dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
      for (String table : KEY_TABLES) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
          ResultSetMetaData columns = result.getMetaData();
          while (result.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
              row.put(columns.getColumnName(i), result.getObject(i));
            }
            rows.add(Collections.unmodifiableMap(row));
          }
        }
        tables.put(table, List.copyOf(rows));
      }
      return new StartState(List.copyOf(servers), tables);
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the test server's start state", e);
    }
  }

  /** Puts the database, the clocks, the events and the servers' keys back as they were. */
  public void restore() {
    for (TestBaton server : servers) {
      server.clock().set(TestBaton.START);
      server.events().clear();
    }
    try (Connection connection = baton.database().dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM baton_session");
      statement.executeUpdate("DELETE FROM baton_session_owner");
      for (Map.Entry<String, List<Map<String, Object>>> table : keyRows.entrySet()) {
        statement.executeUpdate("DELETE FROM " + table.getKey());
        for (Map<String, Object> row : table.getValue()) {
          insert(connection, table.getKey(), row);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not reset the test server", e);
    }
    for (TestBaton server : servers) {
      server.bean(KeyRing.class).reload();
    }
  }

  private static void insert(Connection connection, String table, Map<String, Object> row)
      throws SQLException {
    String sql =
        "INSERT INTO "
            + table
            + " ("
            + String.join(", ", row.keySet())
            + ") VALUES ("
            + String.join(", ", Collections.nCopies(row.size(), "?"))
            + ")";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      int i = 1;
      for (Object value : row.values()) {
        insert.setObject(i++, value);
      }
      insert.executeUpdate();
    }
  }
}

package dev.baton.testing;

import dev.baton.core.KeyRing;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What test servers on one database looked like just after they started, so that the next test
 * starts from it again: no sessions, the keys made at start (a test may have rotated them), the
 * clock at {@link TestBaton#START} and no recorded events. {@link BatonTest} uses it for one
 * server; a test class with several servers keeps one itself.
 */
public final class StartState {

  private static final String KEY_COLUMNS =
      "kid, algorithm, public_key, private_key, created_at, sign_until";

  private final List<TestBaton> servers;
  private final TestBaton baton;
  private final List<Object[]> signingKeys;
  private final String refreshTokenKey;

  private StartState(List<TestBaton> servers, List<Object[]> signingKeys, String refreshTokenKey) {
    this.servers = servers;
    this.baton = servers.get(0);
    this.signingKeys = signingKeys;
    this.refreshTokenKey = refreshTokenKey;
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
      List<Object[]> keys = new ArrayList<>();
      try (ResultSet rows =
          statement.executeQuery("SELECT " + KEY_COLUMNS + " FROM baton_signing_key")) {
        while (rows.next()) {
          Object[] row = new Object[6];
          for (int i = 0; i < row.length; i++) {
            row[i] = rows.getObject(i + 1);
          }
          keys.add(row);
        }
      }
      try (ResultSet row =
          statement.executeQuery("SELECT refresh_token_key FROM baton_keyring WHERE id = 1")) {
        row.next();
        return new StartState(List.copyOf(servers), keys, row.getString(1));
      }
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
      statement.executeUpdate("DELETE FROM baton_signing_key");
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO baton_signing_key (" + KEY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
        for (Object[] key : signingKeys) {
          for (int i = 0; i < key.length; i++) {
            insert.setObject(i + 1, key[i]);
          }
          insert.executeUpdate();
        }
      }
      try (PreparedStatement keyring =
          connection.prepareStatement(
              "UPDATE baton_keyring SET refresh_token_key = ? WHERE id = 1")) {
        keyring.setString(1, refreshTokenKey);
        keyring.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not reset the test server", e);
    }
    for (TestBaton server : servers) {
      server.bean(KeyRing.class).reload();
    }
  }
}

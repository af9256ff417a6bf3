package dev.baton.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A fresh, empty database for one test server, so that tests and test runs never see each other's
 * rows: an in-memory H2 database, or a new PostgreSQL schema or MariaDB database that is dropped
 * afterwards. The kind comes from the {@code baton.test.db} system property; the servers from
 * {@code BATON_TEST_POSTGRESQL_URL} and {@code BATON_TEST_MARIADB_URL} (defaults: this machine's
 * local servers).
 */
public final class TestDatabase implements AutoCloseable {

  private static final String POSTGRESQL =
      env("BATON_TEST_POSTGRESQL_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
  private static final String MARIADB =
      env("BATON_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/?user=root&sslMode=disable");

  /** The most connections a PostgreSQL or MariaDB test pool lends at once. */
  public static final int POOL_SIZE = 24;

  /**
   * The tag of test classes that always run on PostgreSQL, whichever database {@code baton.test.db}
   * names, such as those that cut a proxy in front of it.
   */
  public static final String POSTGRESQL_ONLY = "postgresql-only";

  /** The system property that names the database kind: h2, postgresql or mariadb. */
  public static final String KIND = "baton.test.db";

  private final String kind;
  private final String name;
  private final DataSource dataSource;

  private TestDatabase(String kind, String name, DataSource dataSource) {
    this.kind = kind;
    this.name = name;
    this.dataSource = dataSource;
  }

  /** Creates an empty database of the configured kind. */
  public static TestDatabase create() {
    return create(System.getProperty(KIND, "h2"));
  }

  /**
   * Creates an empty PostgreSQL schema that Baton reaches through a local port, such as a {@link
   * CuttableProxy}'s, with a pool that gives up quickly when the database is gone.
   */
  public static TestDatabase postgresqlThrough(int port) {
    return postgresqlThrough(port, Duration.ofSeconds(1));
  }

  /**
   * As {@link #postgresqlThrough(int)}, with a chosen wait for a connection.
   *
   * @param port where the database is reached
   * @param connectionTimeout how long a caller waits for a connection before the pool gives up
   * @return the database
   */
  public static TestDatabase postgresqlThrough(int port, Duration connectionTimeout) {
    String name = "baton_" + UUID.randomUUID().toString().replace("-", "");
    execute(POSTGRESQL, "CREATE SCHEMA " + name);
    String url =
        POSTGRESQL.replaceFirst("//[^/]+/", "//127.0.0.1:" + port + "/")
            + "&currentSchema="
            + name
            + "&connectTimeout=2&socketTimeout=5";
    HikariDataSource pool = pool(url);
    pool.setConnectionTimeout(connectionTimeout.toMillis());
    return new TestDatabase("postgresql", name, pool);
  }

  private static TestDatabase create(String kind) {
    String name = "baton_" + UUID.randomUUID().toString().replace("-", "");
    return switch (kind) {
      case "h2" -> {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        h2.setUser("sa");
        yield new TestDatabase(kind, name, h2);
      }
      case "postgresql" -> {
        execute(POSTGRESQL, "CREATE SCHEMA " + name);
        yield new TestDatabase(kind, name, pool(POSTGRESQL + "&currentSchema=" + name));
      }
      case "mariadb" -> {
        execute(MARIADB, "CREATE DATABASE " + name);
        yield new TestDatabase(kind, name, pool(MARIADB.replace("/?", "/" + name + "?")));
      }
      default -> throw new IllegalArgumentException("unknown baton.test.db: " + kind);
    };
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * Answers a query for one number, such as {@code SELECT COUNT(*) FROM ...}.
   *
   * @param query the SQL
   * @return the number in the first column of the first row
   */
  public long count(String query) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(query)) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("could not run " + query, e);
    }
  }

  /**
   * Answers a query for one column of text, row by row, sorted.
   *
   * @param query the SQL
   * @return the values
   */
  public List<String> strings(String query) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      values.sort(Comparator.nullsFirst(Comparator.naturalOrder()));
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException("could not run " + query, e);
    }
  }

  /**
   * Runs a statement that changes rows.
   *
   * @param sql the SQL
   */
  public void execute(String sql) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("could not run " + sql, e);
    }
  }

  /** {@code h2}, {@code postgresql} or {@code mariadb}. */
  public String kind() {
    return kind;
  }

  /**
   * How many transactions on this database (this schema, on PostgreSQL) wait for a lock now. Tests
   * in other forks use other databases, so their waits do not count.
   *
   * @return the count
   */
  public int lockWaiters() throws SQLException {
    String sql =
        switch (kind) {
          // A backend waiting for a row holds a lock on the table it reads, in its schema.
          case "postgresql" ->
              "SELECT count(DISTINCT a.pid) FROM pg_stat_activity a"
                  + " JOIN pg_locks l ON l.pid = a.pid AND l.granted"
                  + " JOIN pg_class c ON c.oid = l.relation"
                  + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                  + " WHERE a.wait_event_type = 'Lock' AND n.nspname = ?";
          case "mariadb" ->
              "SELECT count(*) FROM information_schema.innodb_trx t"
                  + " JOIN information_schema.processlist p ON p.id = t.trx_mysql_thread_id"
                  + " WHERE t.trx_state = 'LOCK WAIT' AND p.db = ?";
          default -> throw new UnsupportedOperationException("no lock-waiter count on " + kind);
        };
    try (Connection connection = dataSource.getConnection();
        PreparedStatement count = connection.prepareStatement(sql)) {
      count.setString(1, name);
      try (ResultSet row = count.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }

  @Override
  public void close() {
    switch (kind) {
      case "h2" -> {
        try (Connection connection = dataSource.getConnection();
            Statement statement = connection.createStatement()) {
          statement.execute("SHUTDOWN");
        } catch (SQLException e) {
          throw new IllegalStateException("could not drop the test database", e);
        }
      }
      case "postgresql" -> {
        ((HikariDataSource) dataSource).close();
        execute(POSTGRESQL, "DROP SCHEMA " + name + " CASCADE");
      }
      default -> {
        ((HikariDataSource) dataSource).close();
        execute(MARIADB, "DROP DATABASE " + name);
      }
    }
  }

  private static HikariDataSource pool(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(5_000);
    config.setAutoCommit(true);
    return new HikariDataSource(config);
  }

  private static void execute(String url, String sql) {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("could not run '" + sql + "' on " + url, e);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}

package dev.baton.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A fresh, empty database for one test container, so that tests never see each other's rows.
 * The database kind comes from the {@code baton.test.db} system property.
 */
public final class TestDatabase implements AutoCloseable {

  private final DataSource dataSource;

  private TestDatabase(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Creates an empty database of the configured kind. */
  public static TestDatabase create() {
    String kind = System.getProperty("baton.test.db", "h2");
    if (!kind.equals("h2")) {
      throw new IllegalArgumentException("unknown baton.test.db: " + kind);
    }
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:baton_" + UUID.randomUUID().toString().replace("-", "")
        + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    h2.setUser("sa");
    return new TestDatabase(h2);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop the test database", e);
    }
  }
}

package dev.baton.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings the schema up to date with Flyway before anything reads it. Baton keeps its own history
 * table, so it can share a database or schema with the application's own migrations.
 *
 * <p>The migration folder holds an empty {@code flyway.location} file: Flyway cannot list a folder
 * through Open Liberty's class loader without it. So does {@code db/callback}, which Flyway always
 * scans and otherwise reports as an error in the server log.
 */
@ApplicationScoped
public class SchemaMigrator {

  private static final String LOCATION = "classpath:db/migration/baton";

  @Inject @BatonDatabase DataSource dataSource;

  static final int ATTEMPTS = 3;

  /**
   * Applies pending migrations; safe to run from several servers at once. Flyway locks the history
   * table while it migrates, but a server that looked before another created that table may try to
   * baseline a schema that is already being migrated; it then fails, and simply trying again finds
   * the schema up to date.
   */
  public void migrate() {
    for (int attempt = 1; ; attempt++) {
      try {
        flyway().migrate();
        return;
      } catch (FlywayException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
        pause();
      }
    }
  }

  private Flyway flyway() {
    List<String> locations = new ArrayList<>(List.of(LOCATION));
    vendorLocation().ifPresent(locations::add);
    return Flyway.configure(SchemaMigrator.class.getClassLoader())
        .dataSource(dataSource)
        .locations(locations.toArray(String[]::new))
        .callbackLocations(LOCATION)
        .table("baton_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load();
  }

  /**
   * Migrations for one kind of database only, beside the common folder (not inside it: Flyway scans
   * a location's subfolders too).
   */
  private Optional<String> vendorLocation() {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData database = connection.getMetaData();
      String product =
          database.getDatabaseProductName() + " " + database.getDatabaseProductVersion();
      if (product.contains("MariaDB")) {
        return Optional.of(LOCATION + "-mariadb");
      }
      if (product.startsWith("MySQL")) {
        return Optional.of(LOCATION + "-mysql");
      }
      return Optional.empty();
    } catch (SQLException e) {
      throw new FlywayException("could not identify the database", e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while migrating", e);
    }
  }
}

package dev.baton.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date with Flyway before anything reads it. Baton keeps its own history
 * table, so it can share a database or schema with the application's own migrations.
 *
 * <p>The migration folder holds an empty {@code flyway.location} file: Flyway cannot list a
 * folder through Open Liberty's class loader without it.
 */
@ApplicationScoped
public class SchemaMigrator {

  private static final String LOCATION = "classpath:db/migration/baton";

  @Inject @BatonDatabase DataSource dataSource;

  /** Applies pending migrations; safe to run from several servers at once (Flyway locks). */
  public void migrate() {
    Flyway.configure(SchemaMigrator.class.getClassLoader())
        .dataSource(dataSource)
        .locations(LOCATION)
        .callbackLocations(LOCATION)
        .table("baton_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}

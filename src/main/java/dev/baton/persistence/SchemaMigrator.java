package dev.baton.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date with Flyway before anything reads it. Baton keeps its own history
 * table, so it can share a database or schema with the application's own migrations.
 */
@ApplicationScoped
public class SchemaMigrator {

  @Inject @BatonDatabase DataSource dataSource;

  /** Applies pending migrations; safe to run from several servers at once (Flyway locks). */
  public void migrate() {
    Flyway.configure(SchemaMigrator.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration/baton")
        .table("baton_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}

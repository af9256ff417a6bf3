package dev.baton.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import javax.sql.DataSource;

/**
 * Hands the server's container-managed resources to CDI: the {@code baton} persistence unit (JTA,
 * transaction-scoped) and the {@code jdbc/baton} data source that Flyway migrates.
 */
@ApplicationScoped
class ServerResources {

  @PersistenceContext(unitName = "baton")
  EntityManager entityManager;

  @Resource(lookup = "jdbc/baton")
  DataSource dataSource;

  @Produces
  @BatonDatabase
  EntityManager entityManager() {
    return entityManager;
  }

  @Produces
  @BatonDatabase
  DataSource dataSource() {
    return dataSource;
  }
}

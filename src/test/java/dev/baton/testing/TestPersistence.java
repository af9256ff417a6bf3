package dev.baton.testing;

import dev.baton.persistence.BatonDatabase;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.TransactionRequiredException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Replaces the server's container-managed resources under Weld SE: Baton's own {@code baton}
 * persistence unit, switched to RESOURCE_LOCAL on the container's {@link TestDatabase}.
 *
 * <p>The EntityManager it produces behaves like a JTA transaction-scoped one: each call goes to the
 * EntityManager of the transaction that {@link ResourceLocalTransactions} opened on this thread,
 * and fails outside a transaction.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class TestPersistence {

  static final ThreadLocal<EntityManager> CURRENT = new ThreadLocal<>();

  @Inject TestDatabase database;

  private EntityManagerFactory factory;

  @PostConstruct
  void open() {
    factory =
        Persistence.createEntityManagerFactory(
            "baton",
            Map.of(
                "jakarta.persistence.transactionType",
                "RESOURCE_LOCAL",
                "jakarta.persistence.nonJtaDataSource",
                database.dataSource()));
  }

  @PreDestroy
  void close() {
    factory.close();
  }

  EntityManagerFactory factory() {
    return factory;
  }

  @Produces
  @BatonDatabase
  @ApplicationScoped
  DataSource dataSource() {
    return database.dataSource();
  }

  @Produces
  @BatonDatabase
  EntityManager entityManager() {
    return (EntityManager)
        Proxy.newProxyInstance(
            EntityManager.class.getClassLoader(),
            new Class<?>[] {EntityManager.class},
            (proxy, method, args) -> {
              EntityManager current = CURRENT.get();
              if (current == null) {
                throw new TransactionRequiredException(method.getName() + " outside a transaction");
              }
              try {
                return method.invoke(current, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}

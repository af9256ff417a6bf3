package dev.baton.testing;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import jakarta.transaction.Transactional;

/**
 * The test stand-in for the container's JTA interceptor, bound to the same
 * {@link Transactional} annotation with its default semantics (REQUIRED; roll back on a runtime
 * exception): the outermost call opens an EntityManager and a resource-local transaction, nested
 * calls join it, and the EntityManager is closed afterwards so the next transaction reads fresh.
 */
@Transactional
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class ResourceLocalTransactions {

  @Inject TestPersistence persistence;

  @AroundInvoke
  Object inTransaction(InvocationContext invocation) throws Exception {
    if (TestPersistence.CURRENT.get() != null) {
      return invocation.proceed();
    }
    EntityManager entityManager = persistence.factory().createEntityManager();
    EntityTransaction transaction = entityManager.getTransaction();
    TestPersistence.CURRENT.set(entityManager);
    try {
      transaction.begin();
      Object result = invocation.proceed();
      transaction.commit();
      return result;
    } catch (RuntimeException e) {
      if (transaction.isActive()) {
        transaction.rollback();
      }
      throw e;
    } finally {
      TestPersistence.CURRENT.remove();
      entityManager.close();
    }
  }
}

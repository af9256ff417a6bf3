package dev.baton.testing;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * The test stand-ins for the container's JTA interceptors, bound to the same {@link Transactional}
 * annotation. The annotation's {@code value} is binding, so there is one interceptor per
 * transaction type, as in a server: {@link Required} joins the transaction open on this thread or
 * opens one, {@link RequiresNew} suspends it and opens its own. A runtime exception rolls back.
 * Each transaction has its own EntityManager and connection, closed afterwards so the next
 * transaction reads fresh, as a JTA transaction-scoped persistence context does.
 */
public abstract class ResourceLocalTransactions {

  /** {@code @Transactional} and {@code @Transactional(REQUIRED)}. */
  @Transactional
  @Interceptor
  @Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
  public static class Required extends ResourceLocalTransactions {
    @AroundInvoke
    Object required(InvocationContext invocation) throws Exception {
      return TestPersistence.CURRENT.get() != null ? invocation.proceed() : inNew(invocation);
    }
  }

  /** {@code @Transactional(REQUIRES_NEW)}. */
  @Transactional(TxType.REQUIRES_NEW)
  @Interceptor
  @Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
  public static class RequiresNew extends ResourceLocalTransactions {
    @AroundInvoke
    Object requiresNew(InvocationContext invocation) throws Exception {
      return inNew(invocation);
    }
  }

  @Inject TestPersistence persistence;

  /** Runs the invocation in a transaction of its own, suspending the thread's current one. */
  Object inNew(InvocationContext invocation) throws Exception {
    EntityManager outer = TestPersistence.CURRENT.get();
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
      if (outer == null) {
        TestPersistence.CURRENT.remove();
      } else {
        TestPersistence.CURRENT.set(outer);
      }
      entityManager.close();
    }
  }
}

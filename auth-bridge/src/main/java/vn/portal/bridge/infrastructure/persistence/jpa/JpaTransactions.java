package vn.portal.bridge.infrastructure.persistence.jpa;

import java.sql.SQLException;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.OptimisticLockException;

import vn.portal.bridge.domain.model.shared.ConflictingUpdateException;

/** Resource-local transaction boundaries, one EntityManager per unit of work. */
public final class JpaTransactions {

    private JpaTransactions() {
    }

    /**
     * Runs {@code work} in a new transaction. Commits when it returns; rolls back and rethrows on any
     * exception. Unique-key and optimistic-lock failures are rethrown as {@link ConflictingUpdateException}.
     */
    public static <T> T inTransaction(EntityManagerFactory factory, Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        EntityTransaction transaction = em.getTransaction();
        try {
            transaction.begin();
            T result = work.apply(em);
            transaction.commit();
            return result;
        } catch (RuntimeException e) {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            if (e instanceof ConflictingUpdateException) {
                throw e;
            }
            if (isConflict(e)) {
                throw new ConflictingUpdateException("concurrent change: " + rootMessage(e), e);
            }
            throw e;
        } finally {
            em.close();
        }
    }

    /** Runs read-only {@code work} without a transaction. */
    public static <T> T read(EntityManagerFactory factory, Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    /** A unique-key violation (SQLState 23505, or Oracle's ORA-00001) or an optimistic-lock failure. */
    static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // EclipseLink's own OptimisticLockException is matched by name: the provider is not a compile dependency.
            if (t instanceof OptimisticLockException || t.getClass().getSimpleName().equals("OptimisticLockException")) {
                return true;
            }
            if (t instanceof SQLException sql
                    && ("23505".equals(sql.getSQLState()) || ("23000".equals(sql.getSQLState()) && sql.getErrorCode() == 1))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}

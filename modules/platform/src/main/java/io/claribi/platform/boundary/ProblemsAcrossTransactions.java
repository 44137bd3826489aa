package io.claribi.platform.boundary;

import io.claribi.platform.api.ProblemException;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Carries a {@link ProblemException} (an expected answer such as 404) around the server's
 * transaction interceptor instead of through it. Liberty writes a first-failure data capture for
 * every exception that leaves a {@code @Transactional} method (thousands of incidents for ordinary
 * 404s), so the inner half catches the problem inside the transaction, marks the transaction for
 * rollback exactly as the exception would have, and returns; the outer half, outside the
 * transaction interceptor ({@code PLATFORM_BEFORE + 200} by the Jakarta Transactions
 * specification), throws it again. Nested calls each carry their own.
 */
public final class ProblemsAcrossTransactions {

  static final int OUTSIDE = Interceptor.Priority.PLATFORM_BEFORE + 190;
  static final int INSIDE = Interceptor.Priority.PLATFORM_BEFORE + 210;

  private static final ThreadLocal<Deque<Carried>> CARRIED =
      ThreadLocal.withInitial(ArrayDeque::new);

  private ProblemsAcrossTransactions() {}

  /** One invocation's problem, if its inner half caught one. */
  static final class Carried {
    ProblemException problem;
  }

  abstract static class Outside {
    @AroundInvoke
    public Object rethrow(InvocationContext context) throws Exception {
      Deque<Carried> stack = CARRIED.get();
      Carried carried = new Carried();
      stack.push(carried);
      Object result;
      try {
        result = context.proceed();
      } catch (RuntimeException failure) {
        if (carried.problem != null) {
          throw carried.problem; // the problem, not what the rollback made of it
        }
        throw failure;
      } finally {
        stack.pop();
        if (stack.isEmpty()) {
          CARRIED.remove();
        }
      }
      if (carried.problem != null) {
        throw carried.problem;
      }
      return result;
    }
  }

  abstract static class Inside {
    @Resource TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    public Object carry(InvocationContext context) throws Exception {
      try {
        return context.proceed();
      } catch (ProblemException problem) {
        Carried carried = CARRIED.get().peek();
        if (carried == null) {
          throw problem; // no outer half on this call: let it take the ordinary road
        }
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK) {
          transactions.setRollbackOnly(); // what the exception would have done
        }
        carried.problem = problem;
        return neutral(context.getMethod().getReturnType());
      }
    }
  }

  /** A value the caller never sees: the outer half throws before it returns. */
  static Object neutral(Class<?> type) {
    if (!type.isPrimitive() || type == void.class) {
      return null;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == char.class) {
      return '\0';
    }
    return type == long.class
        ? 0L
        : type == double.class
            ? 0d
            : type == float.class
                ? 0f
                : type == int.class ? 0 : type == short.class ? (short) 0 : (byte) 0;
  }

  // The transaction type is a binding member of @Transactional: one pair per type in use.

  @Interceptor
  @Transactional(TxType.REQUIRED)
  @Priority(OUTSIDE)
  public static class RequiredOutside extends Outside {}

  @Interceptor
  @Transactional(TxType.REQUIRED)
  @Priority(INSIDE)
  public static class RequiredInside extends Inside {}

  @Interceptor
  @Transactional(TxType.REQUIRES_NEW)
  @Priority(OUTSIDE)
  public static class RequiresNewOutside extends Outside {}

  @Interceptor
  @Transactional(TxType.REQUIRES_NEW)
  @Priority(INSIDE)
  public static class RequiresNewInside extends Inside {}

  @Interceptor
  @Transactional(TxType.MANDATORY)
  @Priority(OUTSIDE)
  public static class MandatoryOutside extends Outside {}

  @Interceptor
  @Transactional(TxType.MANDATORY)
  @Priority(INSIDE)
  public static class MandatoryInside extends Inside {}

  @Interceptor
  @Transactional(TxType.SUPPORTS)
  @Priority(OUTSIDE)
  public static class SupportsOutside extends Outside {}

  @Interceptor
  @Transactional(TxType.SUPPORTS)
  @Priority(INSIDE)
  public static class SupportsInside extends Inside {}

  @Interceptor
  @Transactional(TxType.NOT_SUPPORTED)
  @Priority(OUTSIDE)
  public static class NotSupportedOutside extends Outside {}

  @Interceptor
  @Transactional(TxType.NOT_SUPPORTED)
  @Priority(INSIDE)
  public static class NotSupportedInside extends Inside {}
}

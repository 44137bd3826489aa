package io.claribi.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicReference;
import liquibase.Scope;
import org.junit.jupiter.api.Test;

class SchemaMigrationTest {

  @Test
  void liquibase_leaves_nothing_in_the_migrating_threads_locals() throws Exception {
    Scope.getCurrentScope(); // what a migration does: Liquibase puts its scope manager here
    assertThat(seenByAChildThread().get()).as("before: inherited").isNotNull();

    LiquibaseUpdate.forgetLiquibaseScope();

    AtomicReference<Object> seen = seenByAChildThread();
    assertThat(seen.get()).as("after: nothing to inherit, and no failure").isNull();
  }

  /** What a thread started now finds in Liquibase's thread-local (it inherits from this one). */
  private static AtomicReference<Object> seenByAChildThread() throws Exception {
    AtomicReference<Object> seen = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread child =
        new Thread(
            () -> {
              try {
                Field field = Scope.class.getDeclaredField("scopeManager");
                field.setAccessible(true);
                seen.set(((ThreadLocal<?>) field.get(null)).get());
              } catch (ReflectiveOperationException e) {
                failure.set(e);
              }
            });
    child.start();
    child.join();
    assertThat(failure.get()).isNull();
    return seen;
  }
}

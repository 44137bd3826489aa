package io.claribi.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUnavailableTest {

  @ParameterizedTest
  @ValueSource(strings = {"08001", "08006", "08003", "57P01", "57P02", "57P03", "53300", "55000"})
  void the_states_of_a_database_out_of_reach_are_recognised_deep_in_the_chain(String state) {
    Throwable failure =
        new PersistenceException(
            "Exception [EclipseLink-4002]",
            new RuntimeException(new SQLException("the server said no", state)));

    assertThat(DatabaseUnavailable.in(failure)).contains(state);
  }

  @ParameterizedTest
  @ValueSource(strings = {"23505", "40001", "40P01", "42P01", "22001", "XX000"})
  void other_database_failures_are_not(String state) {
    assertThat(DatabaseUnavailable.in(new SQLException("a statement failed", state))).isEmpty();
  }

  @Test
  void a_pool_that_cannot_hand_out_a_connection_is_out_of_reach_whatever_its_state() {
    // Liberty's wait time-out for a pooled connection is a transient connection exception
    assertThat(
            DatabaseUnavailable.in(
                new IllegalStateException(new SQLTransientConnectionException("J2CA0045E"))))
        .contains("SQLTransientConnectionException");
  }

  @Test
  void a_next_exception_counts_like_a_cause() {
    SQLException batch = new SQLException("batch entry 0 failed", "XX000");
    batch.setNextException(new SQLException("An I/O error occurred", "08006"));

    assertThat(DatabaseUnavailable.in(batch)).contains("08006");
  }

  @Test
  void failures_without_sql_and_cycles_end() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);

    assertThat(DatabaseUnavailable.in(b)).isEmpty();
    assertThat(DatabaseUnavailable.in(new IllegalStateException())).isEmpty();
    assertThat(DatabaseUnavailable.in(null)).isEmpty();
  }
}

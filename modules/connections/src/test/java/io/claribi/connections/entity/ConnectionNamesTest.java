package io.claribi.connections.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionNamesTest {

  @Test
  void the_first_connection_takes_the_vendors_name() {
    assertThat(ConnectionNames.firstFree("Acme Payments", List.of()))
        .isEqualTo(new ConnectionName("Acme Payments"));
  }

  @Test
  void later_ones_are_numbered_from_two_and_fill_gaps() {
    assertThat(ConnectionNames.firstFree("Acme Payments", List.of("Acme Payments")).value())
        .isEqualTo("Acme Payments 2");
    assertThat(
            ConnectionNames.firstFree(
                    "Acme Payments", List.of("acme payments", "Acme Payments 2", "Acme Payments 4"))
                .value())
        .as("taken ignoring case; the first gap")
        .isEqualTo("Acme Payments 3");
  }

  @Test
  void a_named_connection_does_not_hold_the_vendors_name() {
    assertThat(ConnectionNames.firstFree("Acme Payments", List.of("Acme EU")).value())
        .isEqualTo("Acme Payments");
  }

  @Test
  void a_long_vendor_name_is_cut_so_the_number_still_fits() {
    String longName = "V".repeat(90);

    ConnectionName first = ConnectionNames.firstFree(longName, List.of());
    ConnectionName second = ConnectionNames.firstFree(longName, List.of(first.value()));

    assertThat(first.value()).hasSize(80);
    assertThat(second.value()).hasSize(80).endsWith(" 2");
  }

  @Test
  void a_name_is_taken_when_only_its_case_or_surrounding_spaces_differ() {
    var taken = List.of("Acme Payments", "Acme EU");

    assertThat(ConnectionNames.isTaken(ConnectionName.parse("  ACME eu "), taken)).isTrue();
    assertThat(ConnectionNames.isTaken(ConnectionName.parse("Acme US"), taken)).isFalse();
  }

  @Test
  void a_typed_name_is_trimmed_and_must_have_1_to_80_characters() {
    assertThat(ConnectionName.parse("  Acme EU  ").value()).isEqualTo("Acme EU");
    assertThat(ConnectionName.parse("x".repeat(80)).value()).hasSize(80);

    assertThatThrownBy(() -> ConnectionName.parse("   "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Enter a name for the connection.");
    assertThatThrownBy(() -> ConnectionName.parse(null))
        .hasMessage("Enter a name for the connection.");
    assertThatThrownBy(() -> ConnectionName.parse("x".repeat(81)))
        .hasMessage("A connection name has at most 80 characters; this one has 81.");
    assertThatThrownBy(() -> ConnectionName.parse("Acme\u0000EU"))
        .hasMessage("A connection name cannot contain control characters.");
  }
}

package io.claribi.demovendor.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LedgerTest {

  private final Ledger cut = Ledger.pristine();

  @Test
  void the_sample_data_is_the_same_every_time() {
    Ledger other = Ledger.pristine();

    assertThat(cut.listCustomers(Optional.empty(), 100, Optional.empty()))
        .isEqualTo(other.listCustomers(Optional.empty(), 100, Optional.empty()));
    assertThat(cut.listInvoices(Optional.empty(), Optional.empty()))
        .isEqualTo(other.listInvoices(Optional.empty(), Optional.empty()));
    assertThat(cut.monthlyRevenue()).isEqualTo(other.monthlyRevenue());
    assertThat(cut.customer("cus_0001").name()).isEqualTo("Sophie Ritchie");
  }

  @Test
  void customers_page_in_id_order() {
    Page<Customer> first = cut.listCustomers(Optional.empty(), 10, Optional.empty());
    Page<Customer> second = cut.listCustomers(Optional.empty(), 10, Optional.of("cus_0010"));

    assertThat(first.data()).hasSize(10).first().extracting(Customer::id).isEqualTo("cus_0001");
    assertThat(first.hasMore()).isTrue();
    assertThat(second.data().get(0).id()).isEqualTo("cus_0011");
    assertThat(cut.listCustomers(Optional.empty(), 100, Optional.empty()).hasMore()).isFalse();
  }

  @Test
  void customers_filter_by_email_ignoring_case() {
    String email = cut.customer("cus_0007").email();

    assertThat(cut.listCustomers(Optional.of(email.toUpperCase()), 10, Optional.empty()).data())
        .extracting(Customer::id)
        .containsExactly("cus_0007");
  }

  @Test
  void archiving_hides_a_customer_from_lists() {
    cut.archiveCustomer("cus_0001");

    assertThat(cut.listCustomers(Optional.empty(), 100, Optional.empty()).data())
        .extracting(Customer::id)
        .doesNotContain("cus_0001");
    assertThat(cut.customer("cus_0001").archived()).isTrue();
  }

  @Test
  void a_refund_needs_a_paid_invoice_and_lowers_the_balance() {
    Invoice paid = cut.listInvoices(Optional.empty(), Optional.of("paid")).data().get(0);
    long available = cut.balance().available();

    Refund refund = cut.createRefund(paid.id(), Optional.of(100L), "duplicate");

    assertThat(refund.amount()).isEqualTo(100L);
    assertThat(cut.balance().available()).isEqualTo(available - 100L);
    Invoice open = cut.listInvoices(Optional.empty(), Optional.of("open")).data().get(0);
    assertThatThrownBy(() -> cut.createRefund(open.id(), Optional.empty(), "duplicate"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unknown_ids_are_reported() {
    cut.deleteCustomer("cus_0002");

    assertThatThrownBy(() -> cut.customer("cus_0002")).isInstanceOf(UnknownObjectException.class);
    assertThatThrownBy(() -> cut.sendInvoice("in_9999")).isInstanceOf(UnknownObjectException.class);
  }
}

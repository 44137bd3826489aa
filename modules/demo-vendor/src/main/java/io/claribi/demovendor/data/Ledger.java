package io.claribi.demovendor.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Acme's books in memory: customers, invoices, balance, payouts and refunds. Starts from the
 * deterministic sample data; write tools change it until the next reset or restart. Thread-safe.
 */
public final class Ledger {

  public static final int MAX_LIMIT = 100;
  public static final int DEFAULT_LIMIT = 10;

  private final Map<String, Customer> customers = new LinkedHashMap<>();
  private final Map<String, Invoice> invoices = new LinkedHashMap<>();
  private final List<Payout> payouts;
  private final List<Refund> refunds = new ArrayList<>();
  private Balance balance;

  private Ledger() {
    SampleData.customers().forEach(c -> customers.put(c.id(), c));
    SampleData.invoices().forEach(i -> invoices.put(i.id(), i));
    payouts = SampleData.payouts();
    balance = SampleData.balance();
  }

  /** The pristine data set: the same on every call, every restart and every machine. */
  public static Ledger pristine() {
    return new Ledger();
  }

  /** Active (not archived) customers in id order, optionally of one e-mail address. */
  public synchronized Page<Customer> listCustomers(
      Optional<String> email, int limit, Optional<String> startingAfter) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
    startingAfter.ifPresent(id -> customer(id));
    List<Customer> matching = new ArrayList<>();
    boolean started = startingAfter.isEmpty();
    for (Customer c : customers.values()) {
      if (!started) {
        started = c.id().equals(startingAfter.get());
        continue;
      }
      if (!c.archived() && email.map(e -> sameEmail(e, c.email())).orElse(true)) {
        matching.add(c);
      }
    }
    boolean hasMore = matching.size() > limit;
    return Page.of(hasMore ? matching.subList(0, limit) : matching, hasMore);
  }

  public synchronized Customer customer(String id) {
    Customer customer = customers.get(id);
    if (customer == null) {
      throw new UnknownObjectException("customer", id);
    }
    return customer;
  }

  public synchronized Page<Invoice> listInvoices(
      Optional<String> customerId, Optional<String> status) {
    customerId.ifPresent(this::customer);
    List<Invoice> matching =
        invoices.values().stream()
            .filter(i -> customerId.map(i.customerId()::equals).orElse(true))
            .filter(i -> status.map(i.status()::equals).orElse(true))
            .toList();
    return Page.of(matching, false);
  }

  public synchronized Balance balance() {
    return balance;
  }

  /** The most recent payouts first. */
  public synchronized Page<Payout> listPayouts(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
    List<Payout> newestFirst = new ArrayList<>(payouts);
    java.util.Collections.reverse(newestFirst);
    boolean hasMore = newestFirst.size() > limit;
    return Page.of(hasMore ? newestFirst.subList(0, limit) : newestFirst, hasMore);
  }

  /** Refunds a paid invoice, all of what is left when {@code amount} is empty. */
  public synchronized Refund createRefund(String invoiceId, Optional<Long> amount, String reason) {
    Invoice invoice = invoice(invoiceId);
    if (!"paid".equals(invoice.status())) {
      throw new IllegalArgumentException("Only paid invoices can be refunded: " + invoiceId);
    }
    long refundable = invoice.amountDue() - invoice.amountRefunded();
    long refunded = amount.orElse(refundable);
    if (refunded < 1 || refunded > refundable) {
      throw new IllegalArgumentException("amount must be between 1 and " + refundable);
    }
    invoices.put(invoiceId, invoice.refund(refunded));
    balance = new Balance(balance.available() - refunded, balance.pending(), balance.currency());
    Refund refund =
        new Refund(
            String.format("re_%04d", refunds.size() + 1), invoiceId, refunded, reason, "succeeded");
    refunds.add(refund);
    return refund;
  }

  public synchronized Customer deleteCustomer(String id) {
    Customer customer = customer(id);
    customers.remove(id);
    return customer;
  }

  public synchronized Customer updateSubscription(String customerId, String plan) {
    Customer updated = customer(customerId).withPlan(plan);
    customers.put(customerId, updated);
    return updated;
  }

  public synchronized Invoice sendInvoice(String invoiceId) {
    Invoice invoice = invoice(invoiceId);
    if ("void".equals(invoice.status())) {
      throw new IllegalArgumentException("A void invoice cannot be sent: " + invoiceId);
    }
    Invoice sent = invoice.markSent();
    invoices.put(invoiceId, sent);
    return sent;
  }

  /** Hides a customer from lists: a change of state, whatever the tool's annotations claim. */
  public synchronized Customer archiveCustomer(String id) {
    Customer archived = customer(id).archive();
    customers.put(id, archived);
    return archived;
  }

  /** Paid invoice amounts less refunds, by month of creation (yyyy-MM), in month order. */
  public synchronized Map<String, Long> monthlyRevenue() {
    Map<String, Long> revenue = new TreeMap<>();
    for (Invoice i : invoices.values()) {
      if ("paid".equals(i.status())) {
        revenue.merge(i.created().substring(0, 7), i.amountDue() - i.amountRefunded(), Long::sum);
      }
    }
    return revenue;
  }

  /** Payouts not yet paid out, soonest first. */
  public synchronized List<Payout> payoutSchedule() {
    return payouts.stream().filter(p -> !"paid".equals(p.status())).toList();
  }

  private Invoice invoice(String id) {
    Invoice invoice = invoices.get(id);
    if (invoice == null) {
      throw new UnknownObjectException("invoice", id);
    }
    return invoice;
  }

  private static boolean sameEmail(String wanted, String actual) {
    return wanted.toLowerCase(Locale.ROOT).equals(actual.toLowerCase(Locale.ROOT));
  }
}

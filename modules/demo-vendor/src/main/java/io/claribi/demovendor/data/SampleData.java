package io.claribi.demovendor.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates the demo data set from a fixed seed and a fixed calendar, never from the clock: the
 * same customers, invoices and payouts after every restart and on every machine.
 */
final class SampleData {

  static final long SEED = 20261124L;
  static final int CUSTOMERS = 40;
  static final int INVOICES = 150;
  static final int PAYOUTS = 24;
  private static final LocalDate START = LocalDate.of(2026, 1, 5);
  private static final String[] FIRST = {
    "Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "John", "Margaret", "Ken",
    "Radia", "Niklaus", "Hedy", "Tim", "Katherine", "Dennis", "Sophie", "Linus", "Joan", "Guido"
  };
  private static final String[] LAST = {
    "Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Backus", "Hamilton",
    "Thompson", "Perlman", "Wirth", "Lamarr", "Berners", "Johnson", "Ritchie", "Wilson", "Torvalds"
  };
  private static final String[] PLANS = {"starter", "growth", "scale"};
  private static final String[] INVOICE_STATUSES = {
    "paid", "paid", "paid", "paid", "open", "open", "draft", "void", "uncollectible"
  };

  private SampleData() {}

  static List<Customer> customers() {
    Random random = new Random(SEED);
    List<Customer> customers = new ArrayList<>();
    for (int i = 1; i <= CUSTOMERS; i++) {
      String first = FIRST[random.nextInt(FIRST.length)];
      String last = LAST[random.nextInt(LAST.length)];
      String email = (first + "." + last + i + "@example.com").toLowerCase(Locale.ROOT);
      String plan = PLANS[random.nextInt(PLANS.length)];
      String status = random.nextInt(10) == 0 ? "past_due" : "active";
      long balance = random.nextInt(5) == 0 ? -100L * random.nextInt(50) : 0L;
      String created = START.plusDays(i * 3L).toString();
      customers.add(
          new Customer(
              String.format("cus_%04d", i),
              first + " " + last,
              email,
              created,
              "usd",
              balance,
              plan,
              status,
              false));
    }
    return customers;
  }

  static List<Invoice> invoices() {
    Random random = new Random(SEED + 1);
    List<Invoice> invoices = new ArrayList<>();
    for (int i = 1; i <= INVOICES; i++) {
      String customer = String.format("cus_%04d", 1 + random.nextInt(CUSTOMERS));
      long amount = 500L * (2 + random.nextInt(199));
      String status = INVOICE_STATUSES[random.nextInt(INVOICE_STATUSES.length)];
      LocalDate created = START.plusDays(random.nextInt(330));
      invoices.add(
          new Invoice(
              String.format("in_%04d", i),
              customer,
              amount,
              0L,
              "usd",
              status,
              created.toString(),
              created.plusDays(30).toString(),
              !"draft".equals(status)));
    }
    return invoices;
  }

  static List<Payout> payouts() {
    Random random = new Random(SEED + 2);
    List<Payout> payouts = new ArrayList<>();
    for (int i = 1; i <= PAYOUTS; i++) {
      String status = i <= PAYOUTS - 3 ? "paid" : (i == PAYOUTS ? "pending" : "in_transit");
      payouts.add(
          new Payout(
              String.format("po_%04d", i),
              10_000L * (5 + random.nextInt(95)),
              "usd",
              START.plusDays(i * 14L).toString(),
              status));
    }
    return payouts;
  }

  static Balance balance() {
    return new Balance(1_284_550L, 312_075L, "usd");
  }
}

package io.claribi.demovendor.data;

/** A customer of Acme Payments; amounts are in the smallest currency unit (cents). */
public record Customer(
    String id,
    String name,
    String email,
    String created,
    String currency,
    long balance,
    String plan,
    String subscriptionStatus,
    boolean archived) {

  Customer withPlan(String newPlan) {
    return new Customer(id, name, email, created, currency, balance, newPlan, "active", archived);
  }

  Customer archive() {
    return new Customer(
        id, name, email, created, currency, balance, plan, subscriptionStatus, true);
  }
}

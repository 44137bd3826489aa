package io.claribi.demovendor.data;

/** An invoice; {@code status} is one of draft, open, paid, void, uncollectible. */
public record Invoice(
    String id,
    String customerId,
    long amountDue,
    long amountRefunded,
    String currency,
    String status,
    String created,
    String dueDate,
    boolean sent) {

  Invoice refund(long amount) {
    return new Invoice(
        id,
        customerId,
        amountDue,
        amountRefunded + amount,
        currency,
        status,
        created,
        dueDate,
        sent);
  }

  Invoice markSent() {
    String newStatus = "draft".equals(status) ? "open" : status;
    return new Invoice(
        id, customerId, amountDue, amountRefunded, currency, newStatus, created, dueDate, true);
  }
}

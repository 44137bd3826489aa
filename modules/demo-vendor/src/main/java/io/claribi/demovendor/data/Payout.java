package io.claribi.demovendor.data;

/** A payout to the merchant's bank account; {@code status} is paid, in_transit or pending. */
public record Payout(String id, long amount, String currency, String arrivalDate, String status) {}

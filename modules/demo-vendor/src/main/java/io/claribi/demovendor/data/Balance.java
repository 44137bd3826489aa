package io.claribi.demovendor.data;

/** The merchant's balance: funds available for payout and funds still pending. */
public record Balance(long available, long pending, String currency) {}

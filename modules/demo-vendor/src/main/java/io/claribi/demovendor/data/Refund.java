package io.claribi.demovendor.data;

/** A refund against a paid invoice. */
public record Refund(String id, String invoiceId, long amount, String reason, String status) {}

package io.claribi.demovendor.data;

/** A tool named an object the ledger does not hold (or no longer holds). */
public class UnknownObjectException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnknownObjectException(String kind, String id) {
    super("No such " + kind + ": " + id);
  }
}

package io.claribi.catalog;

import io.claribi.catalog.api.VendorRetired;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test only: stands in for connections, noting each retirement and whether a transaction ran. */
@ApplicationScoped
public class RetirementWitness {

  static final List<String> SEEN = new CopyOnWriteArrayList<>();

  @Resource TransactionSynchronizationRegistry registry;

  void onRetired(@Observes VendorRetired retired) {
    boolean inTransaction = registry.getTransactionStatus() == Status.STATUS_ACTIVE;
    SEEN.add(retired.vendor() + ":" + retired.reason() + ":" + inTransaction);
  }
}

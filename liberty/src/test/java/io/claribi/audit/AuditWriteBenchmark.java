package io.claribi.audit;

import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.Roles;
import io.claribi.testing.InContainerWar;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Not part of {@code mvn verify}: run with {@code -Pbenchmark} (docs/benchmarks/audit.md). Appends
 * {@code CONNECTION_USED} events the way the gateway will, one transaction per tool call, and
 * prints events per second for one organization (its events serialise on the chain head) and for
 * several organizations in parallel.
 */
@ExtendWith(ArquillianExtension.class)
class AuditWriteBenchmark {

  private static final int EVENTS = Integer.getInteger("audit.write.events", 4000);

  @Deployment
  static WebArchive deployment() {
    return InContainerWar.scanned(
            ShrinkWrap.create(ZipImporter.class, "audit-write-benchmark.war")
                .importFrom(new File("target/claribi.war"))
                .as(WebArchive.class))
        .addClass(InContainerWar.class)
        .addClasses(AuditWriteBenchmark.class, ActingCaller.class)
        .addClasses(Appender.class);
  }

  @Inject Appender appender;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @Test
  void events_written_per_second() throws Exception {
    ActingCaller.actAs("bench-warmup-" + id(), Roles.ORG_ADMIN);
    run(1, false, 500);
    for (int threads : new int[] {1, 4, 16}) {
      run(threads, false, EVENTS);
      run(threads, true, EVENTS);
    }
  }

  private void run(int threads, boolean organizationPerThread, int total) throws Exception {
    String shared = "bench-" + id();
    List<Future<?>> runs = new ArrayList<>();
    long started = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      String org = organizationPerThread ? "bench-" + id() : shared;
      runs.add(
          executor.submit(
              () -> {
                ActingCaller.actInThisThreadFor(org);
                for (int i = 0; i < total / threads; i++) {
                  appender.append(
                      AuditEvent.forConnection(
                          AuditEventType.CONNECTION_USED,
                          "c-bench",
                          "acme-payments",
                          Map.of("tool", "list_invoices", "outcome", "OK", "durationMs", "3")));
                }
              }));
    }
    for (Future<?> run : runs) {
      run.get();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.println(
        String.format(
            "audit write benchmark: %d threads, %s: %d events in %.2f s = %.0f events/s",
            threads,
            organizationPerThread ? "one organization per thread" : "one organization",
            total,
            seconds,
            total / seconds));
  }

  private static String id() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}

package io.claribi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.audit.boundary.RetentionJob;
import io.claribi.audit.boundary.RetentionView;
import io.claribi.audit.boundary.Verification;
import io.claribi.audit.boundary.VerificationView;
import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.Roles;
import io.claribi.testing.InContainerWar;
import io.claribi.tiering.api.Plan;
import io.claribi.tiering.boundary.OrganizationPlans;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail inside Liberty, on the configured database: same-transaction recording with the
 * real plan-change flow, concurrent appends, tampering found by verify, and the retention job.
 */
@ExtendWith(ArquillianExtension.class)
class AuditTrailContainerIT {

  @Deployment
  static WebArchive deployment() {
    // This test WAR keeps events for one day, so the retention job has something to do.
    JavaArchive retentionConfig =
        ShrinkWrap.create(JavaArchive.class, "audit-it-config.jar")
            .addAsResource(
                new StringAsset("config_ordinal=500\nclaribi.audit.retention=P1D\n"),
                "META-INF/microprofile-config.properties");
    return InContainerWar.scanned(
            ShrinkWrap.create(ZipImporter.class, "audit-it.war")
                .importFrom(new File("target/claribi.war"))
                .as(WebArchive.class))
        .addClass(InContainerWar.class)
        .addAsLibrary(jarOf(org.assertj.core.api.Assertions.class))
        .addClasses(AuditTrailContainerIT.class, ActingCaller.class, ChainSeeder.class)
        .addClasses(Appender.class)
        .addAsLibrary(retentionConfig);
  }

  @Inject UserTransaction tx;
  @Inject OrganizationPlans tiering;
  @Inject Event<AuditEvent> audit;
  @Inject Appender appender;
  @Inject Verification verification;
  @Inject RetentionJob retention;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  /** The jar a test library came from, to ship it inside the test WAR. */
  static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void a_committed_plan_change_has_its_event_and_a_rolled_back_one_has_none() throws Exception {
    String org = fresh("ctr-tx");
    ActingCaller.actAs("platform", Roles.PLATFORM_OPERATOR);

    tx.begin();
    tiering.provision(new OrganizationId(org), "Tx", Plan.PROFESSIONAL, "committed");
    tx.commit();
    tx.begin();
    tiering.provision(new OrganizationId(org), "Tx", Plan.ENTERPRISE, "rolled back");
    tx.rollback();

    assertThat(ChainSeeder.count(org)).isEqualTo(1);
    assertThat(plan(org)).isEqualTo("PROFESSIONAL");
    Row event = row(org, 1);
    assertThat(event.type()).isEqualTo("PLAN_CHANGED");
    assertThat(event.actor()).isEqualTo("user@platform");
    assertThat(event.details()).contains("\"reason\":\"committed\"");
    assertThat(Duration.between(changedAt(org), event.occurredAt()).abs())
        .isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void a_change_that_fails_after_its_event_leaves_neither() throws Exception {
    String org = fresh("ctr-fail");
    ActingCaller.actAs("platform", Roles.PLATFORM_OPERATOR);

    tx.begin();
    try {
      tiering.provision(new OrganizationId(org), "Fail", Plan.ENTERPRISE, "then it fails");
      throw new IllegalStateException("injected failure after the change and its event");
    } catch (IllegalStateException expected) {
      tx.rollback();
    }

    assertThat(ChainSeeder.count(org)).isZero();
    assertThat(plan(org)).isNull();
  }

  @Test
  void an_event_fired_outside_a_transaction_is_refused() throws Exception {
    String org = fresh("ctr-notx");
    ActingCaller.actAs(org, Roles.ORG_ADMIN);

    assertThatThrownBy(
            () -> audit.fire(AuditEvent.of(AuditEventType.KEY_ROTATION_FINISHED, Map.of())))
        .isInstanceOf(jakarta.transaction.TransactionalException.class);
    assertThat(ChainSeeder.count(org)).isZero();
  }

  @Test
  void concurrent_events_of_one_organization_form_one_unbroken_chain() throws Exception {
    String org = fresh("ctr-race");
    ActingCaller.actAs(org, Roles.ORG_ADMIN);
    int threads = 4;
    int each = 25;

    List<Future<?>> runs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      runs.add(
          executor.submit(
              () -> {
                for (int i = 0; i < each; i++) {
                  appender.append(used("c-race", i));
                }
              }));
    }
    for (Future<?> run : runs) {
      run.get();
    }

    assertThat(ChainSeeder.count(org)).isEqualTo(threads * each);
    VerificationView verified = verification.verify();
    assertThat(verified.intact()).as("%s", verified).isTrue();
    assertThat(verified.eventsVerified()).isEqualTo(threads * each);
    assertThat(verified.chainHeadSequence()).isEqualTo(threads * each);
  }

  @Test
  void a_changed_event_is_the_first_broken_link() throws Exception {
    String org = seededTrail("ctr-edit", 6);

    ChainSeeder.execute(
        "UPDATE audit_events SET actor = 'mallory' WHERE organization_id = ? AND sequence_no = 3",
        org);

    assertBrokenAt(3, "CONTENT_CHANGED");
  }

  @Test
  void a_deleted_event_is_the_first_broken_link() throws Exception {
    String org = seededTrail("ctr-delete", 6);

    ChainSeeder.execute(
        "DELETE FROM audit_events WHERE organization_id = ? AND sequence_no = 4", org);

    assertBrokenAt(4, "EVENT_MISSING");
  }

  @Test
  void two_reordered_events_are_the_first_broken_link() throws Exception {
    String org = seededTrail("ctr-reorder", 6);

    String swap =
        "UPDATE audit_events SET sequence_no = ? WHERE organization_id = ? AND sequence_no = ?";
    ChainSeeder.execute(swap, -2L, org, 2L);
    ChainSeeder.execute(swap, 2L, org, 3L);
    ChainSeeder.execute(swap, 3L, org, -2L);

    assertBrokenAt(2, "CONTENT_CHANGED");
  }

  @Test
  void a_deleted_newest_event_is_found_against_the_chain_head() throws Exception {
    String org = seededTrail("ctr-tail", 6);

    ChainSeeder.execute(
        "DELETE FROM audit_events WHERE organization_id = ? AND sequence_no = 6", org);

    assertBrokenAt(6, "EVENT_MISSING");
  }

  @Test
  void retention_removes_only_old_events_of_one_organization_and_records_itself() throws Exception {
    Instant now = Instant.now();
    String org = fresh("ctr-retain");
    String other = fresh("ctr-keep");
    ChainSeeder.append(org, 10, seq -> now.minus(Duration.ofDays(3)).plusMillis(seq));
    ChainSeeder.append(org, 5, seq -> now.minus(Duration.ofHours(1)).plusMillis(seq));
    ChainSeeder.append(other, 4, seq -> now.minus(Duration.ofDays(3)).plusMillis(seq));
    ActingCaller.actAs("platform", Roles.PLATFORM_OPERATOR);

    RetentionView run = retention.apply(new OrganizationId(org));

    assertThat(run.removed()).isEqualTo(10);
    assertThat(run.prunedThroughSequence()).isEqualTo(10);
    assertThat(run.retention()).isEqualTo("P1D");
    assertThat(ChainSeeder.count(org)).isEqualTo(6);
    assertThat(ChainSeeder.count(other)).isEqualTo(4);
    Row record = row(org, 16);
    assertThat(record.type()).isEqualTo("AUDIT_RETENTION_APPLIED");
    assertThat(record.actor()).isEqualTo("user@platform");
    assertThat(record.details()).contains("\"removed\":\"10\"");
    ActingCaller.actAs(org, Roles.ORG_ADMIN);
    VerificationView verified = verification.verify();
    assertThat(verified.intact()).as("%s", verified).isTrue();
    assertThat(verified.firstSequence()).isEqualTo(11);
    assertThat(verified.eventsVerified()).isEqualTo(6);

    ChainSeeder.execute(
        "DELETE FROM audit_events WHERE organization_id = ? AND sequence_no = 11", org);
    assertBrokenAt(11, "EVENT_MISSING");
  }

  private void assertBrokenAt(long sequence, String problem) {
    VerificationView verified = verification.verify();
    assertThat(verified.intact()).isFalse();
    assertThat(verified.firstBrokenLink().sequence()).as("%s", verified).isEqualTo(sequence);
    assertThat(verified.firstBrokenLink().problem()).isEqualTo(problem);
  }

  /** A trail of n tool calls written through the product, verified intact before tampering. */
  private String seededTrail(String prefix, int n) throws Exception {
    String org = fresh(prefix);
    ActingCaller.actAs(org, Roles.ORG_ADMIN);
    for (int i = 0; i < n; i++) {
      appender.append(used("c-1", i));
    }
    assertThat(verification.verify().intact()).isTrue();
    return org;
  }

  private static AuditEvent used(String connection, int i) {
    return AuditEvent.forConnection(
        AuditEventType.CONNECTION_USED,
        connection,
        "acme-payments",
        Map.of("tool", "list_invoices", "outcome", "OK", "durationMs", Integer.toString(i)));
  }

  record Row(String type, String actor, Instant occurredAt, String details) {}

  private static Row row(String org, long sequence) throws Exception {
    try (Connection c = ChainSeeder.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT event_type, actor, occurred_at, details FROM audit_events"
                    + " WHERE organization_id = ? AND sequence_no = ?")) {
      s.setString(1, org);
      s.setLong(2, sequence);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).as("event %s of %s", sequence, org).isTrue();
        return new Row(
            rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4));
      }
    }
  }

  private static String plan(String org) throws Exception {
    return single("SELECT current_plan FROM organizations WHERE id = ?", org);
  }

  private static Instant changedAt(String org) throws Exception {
    try (Connection c = ChainSeeder.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT MAX(changed_at) FROM plan_changes WHERE organization_id = ?")) {
      s.setString(1, org);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        Timestamp t = rs.getTimestamp(1);
        return t.toInstant();
      }
    }
  }

  private static String single(String sql, String parameter) throws Exception {
    try (Connection c = ChainSeeder.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, parameter);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static String fresh(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}

package io.claribi.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.audit.entity.EventContent;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.OrganizationId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EventHashTest {

  static final OrganizationId ACME = new OrganizationId("acme");
  static final String GENESIS = "0".repeat(64);

  static EventContent planChange(long sequence, String reason) {
    TreeMap<String, String> details = new TreeMap<>();
    details.put("to", "PROFESSIONAL");
    details.put("reason", reason);
    return new EventContent(
        "00000000-0000-0000-0000-00000000000" + sequence,
        sequence,
        Instant.parse("2026-11-24T10:15:30.120Z"),
        AuditEventType.PLAN_CHANGED,
        "user@platform",
        null,
        null,
        "req-12345678",
        "127.0.0.1",
        details);
  }

  /** The documented encoding, written out by hand: what an outside verifier would compute. */
  @Test
  void hashes_the_documented_canonical_encoding() throws Exception {
    String canonical =
        "claribi-audit-1"
            + "4:acme,"
            + "36:00000000-0000-0000-0000-000000000001,"
            + "1:1,"
            + "24:2026-11-24T10:15:30.120Z,"
            + "12:PLAN_CHANGED,"
            + "13:user@platform,"
            + "-1:,"
            + "-1:,"
            + "12:req-12345678,"
            + "9:127.0.0.1,"
            + "1:2,"
            + "6:reason,"
            + "10:contract\u00e9," // UTF-8 bytes, not characters
            + "2:to,"
            + "12:PROFESSIONAL,"
            + "64:"
            + GENESIS
            + ",";
    String expected =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));

    assertThat(EventHash.of(ACME, planChange(1, "contract\u00e9"), GENESIS)).isEqualTo(expected);
  }

  @Test
  void every_field_and_the_previous_hash_change_the_hash() {
    String base = EventHash.of(ACME, planChange(1, "x"), GENESIS);

    assertThat(EventHash.of(new OrganizationId("acme2"), planChange(1, "x"), GENESIS))
        .isNotEqualTo(base);
    assertThat(EventHash.of(ACME, planChange(1, "y"), GENESIS)).isNotEqualTo(base);
    assertThat(EventHash.of(ACME, planChange(1, "x"), "1".repeat(64))).isNotEqualTo(base);
    assertThat(EventHash.of(ACME, planChange(1, "x"), GENESIS)).isEqualTo(base);
  }

  @Test
  void length_prefixes_keep_field_boundaries_unambiguous() {
    EventContent a = planChange(1, "ab");
    EventContent b =
        new EventContent(
            a.id(),
            a.sequence(),
            a.occurredAt(),
            a.type(),
            a.actor() + "ab",
            null,
            null,
            a.requestId(),
            a.clientAddress(),
            new TreeMap<>(java.util.Map.of("to", "PROFESSIONAL", "reason", "")));

    assertThat(EventHash.of(ACME, a, GENESIS)).isNotEqualTo(EventHash.of(ACME, b, GENESIS));
  }

  @Test
  void times_always_carry_three_fraction_digits() {
    assertThat(EventHash.timestamp(Instant.parse("2026-11-24T10:00:00Z")))
        .isEqualTo("2026-11-24T10:00:00.000Z");
  }
}

package io.claribi.audit.control;

import io.claribi.audit.entity.EventContent;
import io.claribi.platform.api.OrganizationId;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash of one link of the chain: SHA-256 over a canonical byte string of the event's content
 * and the previous event's hash, as lower-case hex. The encoding is documented in docs/audit.md so
 * that anyone can recompute it from an export:
 *
 * <pre>
 * "claribi-audit-1" followed by one netstring per field, in this order:
 *   organization, id, sequence, occurredAt, type, actor, connection, vendor, requestId,
 *   clientAddress, the number of details, then key and value of each detail by sorted key,
 *   previousHash
 * netstring: the UTF-8 byte length in decimal, ':', the UTF-8 bytes, ','   ("5:hello,")
 * absent value (null): "-1:,"
 * sequence and counts: decimal; occurredAt: ISO-8601 UTC with exactly three fraction digits
 * </pre>
 */
public final class EventHash {

  public static final String VERSION = "claribi-audit-1";

  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
          .withZone(java.time.ZoneOffset.UTC);

  private EventHash() {}

  public static String of(OrganizationId organization, EventContent event, String previousHash) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    bytes.writeBytes(VERSION.getBytes(StandardCharsets.UTF_8));
    field(bytes, organization.value());
    field(bytes, event.id());
    field(bytes, Long.toString(event.sequence()));
    field(bytes, timestamp(event.occurredAt()));
    field(bytes, event.type().name());
    field(bytes, event.actor());
    field(bytes, event.connection());
    field(bytes, event.vendor());
    field(bytes, event.requestId());
    field(bytes, event.clientAddress());
    field(bytes, Integer.toString(event.details().size()));
    event
        .details()
        .forEach(
            (key, value) -> {
              field(bytes, key);
              field(bytes, value);
            });
    field(bytes, previousHash);
    return HexFormat.of().formatHex(sha256().digest(bytes.toByteArray()));
  }

  /** The one text form of an event time: UTC, milliseconds, as hashed and exported. */
  public static String timestamp(java.time.Instant instant) {
    return MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  private static void field(ByteArrayOutputStream bytes, String value) {
    if (value == null) {
      bytes.writeBytes("-1:,".getBytes(StandardCharsets.US_ASCII));
      return;
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    bytes.writeBytes((utf8.length + ":").getBytes(StandardCharsets.US_ASCII));
    bytes.writeBytes(utf8);
    bytes.write(',');
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}

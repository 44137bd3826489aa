package io.claribi.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The audit context's configuration; every key also works as an environment variable ({@code
 * CLARIBI_AUDIT_RETENTION}, {@code CLARIBI_AUDIT_CHUNK_SIZE}).
 */
@ApplicationScoped
public class AuditSettings {

  public static final String RETENTION = "claribi.audit.retention";
  public static final String CHUNK_SIZE = "claribi.audit.chunk-size";
  public static final String FOREVER = "forever";

  @Inject
  @ConfigProperty(name = RETENTION, defaultValue = FOREVER)
  String retention;

  @Inject
  @ConfigProperty(name = CHUNK_SIZE, defaultValue = "5000")
  int chunkSize;

  /** A bad value stops the application at start, not at the first retention run. */
  void onStart(@Observes Startup startup) {
    retention();
    if (chunkSize < 10 || chunkSize > 10_000) {
      throw new IllegalStateException(CHUNK_SIZE + " must be between 10 and 10000: " + chunkSize);
    }
  }

  /** How long events are kept: empty means forever (the default). */
  public Optional<Period> retention() {
    return parse(retention);
  }

  /** The retention as configured, for the record of a retention run. */
  public String retentionText() {
    return retention;
  }

  /** Rows read per database round trip by exports and verification. */
  public int chunkSize() {
    return chunkSize;
  }

  static Optional<Period> parse(String value) {
    String text = value == null ? "" : value.trim();
    if (text.isEmpty() || text.toLowerCase(Locale.ROOT).equals(FOREVER)) {
      return Optional.empty();
    }
    try {
      Period period = Period.parse(text);
      if (period.isNegative() || period.isZero()) {
        throw new IllegalStateException(RETENTION + " must be a positive period: " + value);
      }
      return Optional.of(period);
    } catch (DateTimeParseException e) {
      throw new IllegalStateException(
          RETENTION + " must be 'forever' or an ISO-8601 period such as P400D or P7Y: " + value, e);
    }
  }
}

package io.claribi.credentials.boundary;

import io.claribi.credentials.api.TokenSet;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.OrganizationId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The credentials {@link KeyRotationRestartIT} seals and reads back: deterministic, so the seeding
 * fixture, the in-container read-back and the log check agree without shared state.
 */
public final class RotationRows {

  /** Enough rows that a run with the ITs' paced batches (10 rows, 100 ms) takes seconds. */
  public static final int COUNT = 300;

  public static final OrganizationId A = new OrganizationId("rotation-a");
  public static final OrganizationId B = new OrganizationId("rotation-b");

  private RotationRows() {}

  public static OrganizationId organization(int i) {
    return i % 2 == 0 ? A : B;
  }

  public static ConnectionId connection(int i) {
    return new ConnectionId(
        UUID.nameUUIDFromBytes(("rotation-" + i).getBytes(StandardCharsets.UTF_8)));
  }

  public static TokenSet tokens(int i) {
    String suffix =
        UUID.nameUUIDFromBytes(("rotation-token-" + i).getBytes(StandardCharsets.UTF_8)).toString();
    return new TokenSet(
        "rot-at-" + suffix,
        Optional.of("rot-rt-" + suffix),
        Optional.of(Instant.parse("2030-01-01T00:00:00Z")),
        Set.of("read"),
        "Bearer");
  }
}

package io.claribi.credentials.boundary;

import io.claribi.credentials.control.RotationLedger.Run;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where key rotation stands: each key of the ring with the rows it seals and whether it can be
 * removed, rows sealed by keys that have left the ring, and the latest run.
 *
 * @param source where the keys come from (KEY_FILE, ENVIRONMENT, DEVELOPMENT_KEY_FILE)
 * @param rowsTotal every stored credential, over all organizations
 * @param rowsDone rows under the primary key
 * @param rowsRemaining rows under older keys of the ring, still to re-encrypt
 * @param rowsUnreadable rows under keys that are no longer in the ring: their connections need to
 *     be authorised again
 */
public record RotationStatus(
    String source,
    String primaryKey,
    List<KeyUse> keys,
    List<KeyUse> removedKeys,
    long rowsTotal,
    long rowsDone,
    long rowsRemaining,
    long rowsUnreadable,
    RunView run) {

  /** One key and the rows it seals; {@code removable} once no row needs it. */
  public record KeyUse(String fingerprint, boolean primary, long rows, boolean removable) {}

  /**
   * The latest run; {@code state} is RUNNING or FINISHED; {@code worker} the node that works (or
   * last worked) on it, as host#start.
   */
  public record RunView(
      String id,
      String state,
      String requestedBy,
      Instant requestedAt,
      String targetKey,
      long rowsResealed,
      long rowsUnopenable,
      Instant finishedAt,
      String worker) {}

  static RotationStatus of(
      String source, List<String> ring, Map<String, Long> rowsPerKey, Optional<Run> latest) {
    Map<String, Long> unaccounted = new LinkedHashMap<>(rowsPerKey);
    List<KeyUse> keys = new ArrayList<>();
    for (int i = 0; i < ring.size(); i++) {
      long rows = Optional.ofNullable(unaccounted.remove(ring.get(i))).orElse(0L);
      keys.add(new KeyUse(ring.get(i), i == 0, rows, i > 0 && rows == 0));
    }
    List<KeyUse> removed =
        unaccounted.entrySet().stream()
            .map(e -> new KeyUse(e.getKey(), false, e.getValue(), false))
            .toList();
    long total = rowsPerKey.values().stream().mapToLong(Long::longValue).sum();
    long done = keys.get(0).rows();
    long unreadable = removed.stream().mapToLong(KeyUse::rows).sum();
    return new RotationStatus(
        source,
        ring.get(0),
        keys,
        removed,
        total,
        done,
        total - done - unreadable,
        unreadable,
        latest.map(RotationStatus::view).orElse(null));
  }

  private static RunView view(Run run) {
    return new RunView(
        run.id(),
        run.finishedAt().isPresent() ? "FINISHED" : "RUNNING",
        run.requestedBy(),
        run.requestedAt(),
        run.targetKey(),
        run.rowsDone(),
        run.rowsFailed(),
        run.finishedAt().orElse(null),
        run.worker().orElse(null));
  }
}

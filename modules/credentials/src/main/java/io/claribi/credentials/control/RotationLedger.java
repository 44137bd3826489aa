package io.claribi.credentials.control;

import io.claribi.credentials.control.CredentialSeal.Sealed;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Key rotation's view of the database: every organization's sealed rows, by key, and the record of
 * each rotation run.
 *
 * <p>This is the one place that reads credentials across organizations, in plain SQL, because
 * re-encryption is the one job that must (an architecture test names it). It handles ciphertext and
 * fingerprints only, never hands a row to a caller, and updates a row only if it is still the
 * version that was read, so two servers rotating at once never encrypt twice or lose a refresh.
 */
@ApplicationScoped
@Transactional // joins a batch's transaction; alone (job thread, status) it gets its own
public class RotationLedger {

  /** A sealed row as rotation sees it. */
  public record Row(String connectionId, String organizationId, long version, Sealed sealed) {}

  /**
   * One operator-requested rotation; {@code worker} is the node that holds (or last held) it, until
   * {@code leaseUntil}.
   */
  public record Run(
      String id,
      String requestedBy,
      Instant requestedAt,
      String targetKey,
      long rowsDone,
      long rowsFailed,
      Optional<Instant> finishedAt,
      Optional<String> worker,
      Optional<Instant> leaseUntil) {

    /** Whether a node holds the run at {@code now}: its lease has not run out. */
    public boolean heldAt(Instant now) {
      return finishedAt.isEmpty() && leaseUntil.filter(now::isBefore).isPresent();
    }
  }

  @Resource(lookup = "jdbc/claribi")
  DataSource dataSource;

  /**
   * How many rows each key seals, over all organizations. A progress figure, read without locks, so
   * a status request never waits for (or deadlocks with) a batch in flight.
   */
  @Transactional(TxType.NOT_SUPPORTED)
  public Map<String, Long> rowsPerKey() {
    String sql =
        "SELECT key_fingerprint, COUNT(*) FROM credentials GROUP BY key_fingerprint"
            + " ORDER BY key_fingerprint";
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection db = unlockedReads();
        PreparedStatement query = db.prepareStatement(sql);
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        counts.put(rows.getString(1).strip(), rows.getLong(2));
      }
      return counts;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot count credentials per key", e);
    }
  }

  /** The next rows after {@code after} (in id order) sealed by one of {@code keys}. */
  public List<Row> nextUnder(Collection<String> keys, String after, int limit) {
    if (keys.isEmpty()) {
      return List.of();
    }
    String sql =
        "SELECT connection_id, organization_id, version, ciphertext, key_fingerprint FROM credentials"
            + " WHERE connection_id > ? AND key_fingerprint IN ("
            + String.join(", ", keys.stream().map(k -> "?").toList())
            + ") ORDER BY connection_id";
    try (Connection db = dataSource.getConnection();
        PreparedStatement query = db.prepareStatement(sql)) {
      query.setMaxRows(limit);
      query.setString(1, after);
      int i = 2;
      for (String key : keys) {
        query.setString(i++, key);
      }
      List<Row> batch = new ArrayList<>(limit);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          batch.add(
              new Row(
                  rows.getString(1).strip(),
                  rows.getString(2),
                  rows.getLong(3),
                  new Sealed(rows.getString(4), rows.getString(5).strip())));
        }
      }
      return batch;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read credentials to rotate", e);
    }
  }

  /**
   * Replaces a row's ciphertext if nobody changed the row since it was read.
   *
   * @return false if the row was refreshed, rotated by another server, or deleted meanwhile
   */
  public boolean replace(Row row, Sealed resealed, Instant now) {
    String sql =
        "UPDATE credentials SET ciphertext = ?, key_fingerprint = ?, sealed_at = ?,"
            + " version = version + 1 WHERE connection_id = ? AND version = ?";
    try (Connection db = dataSource.getConnection();
        PreparedStatement update = db.prepareStatement(sql)) {
      update.setString(1, resealed.ciphertext());
      update.setString(2, resealed.keyFingerprint());
      update.setTimestamp(3, utc(now));
      update.setString(4, row.connectionId());
      update.setLong(5, row.version());
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot store a re-encrypted credential", e);
    }
  }

  /** Adds to the number of an organization's rows that a run re-encrypted. */
  public void countFor(String runId, String organizationId, long rows) {
    String update =
        "UPDATE key_rotation_organizations SET rows_done = rows_done + ?"
            + " WHERE run_id = ? AND organization_id = ?";
    try (Connection db = dataSource.getConnection();
        PreparedStatement statement = db.prepareStatement(update)) {
      statement.setLong(1, rows);
      statement.setString(2, runId);
      statement.setString(3, organizationId);
      if (statement.executeUpdate() == 0) {
        // Batches run one at a time under the run's lock, so no other insert can race this one.
        execute(
            "INSERT INTO key_rotation_organizations (run_id, organization_id, rows_done)"
                + " VALUES (?, ?, ?)",
            runId,
            organizationId,
            rows);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot count re-encrypted credentials", e);
    }
  }

  /** Each organization whose rows the run re-encrypted, and how many. */
  public Map<String, Long> organizationsOf(String runId) {
    String sql =
        "SELECT organization_id, rows_done FROM key_rotation_organizations WHERE run_id = ?"
            + " ORDER BY organization_id";
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection db = dataSource.getConnection();
        PreparedStatement query = db.prepareStatement(sql)) {
      query.setString(1, runId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getString(1), rows.getLong(2));
        }
      }
      return counts;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read re-encrypted credentials per organization", e);
    }
  }

  /**
   * Locks the run's row for the rest of the caller's transaction and extends the worker's lease.
   * Every batch takes this lock first, so batches of several servers run one after another instead
   * of deadlocking on rows.
   *
   * @return false if the worker no longer holds the run (another node took it over): the batch must
   *     not go on
   */
  public boolean lockRun(String runId, String worker, Instant leaseUntil) {
    return execute(
            "UPDATE key_rotations SET lease_until = ? WHERE id = ? AND worker = ?"
                + " AND finished_at IS NULL",
            utc(leaseUntil),
            runId,
            worker)
        == 1;
  }

  /**
   * Gives the unfinished run to {@code worker} until {@code leaseUntil}, if no other node holds it
   * at {@code now}. One statement, so of two nodes claiming at once exactly one gets it.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public boolean claim(String runId, String worker, Instant now, Instant leaseUntil) {
    return execute(
            "UPDATE key_rotations SET worker = ?, lease_until = ? WHERE id = ?"
                + " AND finished_at IS NULL AND (lease_until IS NULL OR lease_until < ? OR worker = ?)",
            worker,
            utc(leaseUntil),
            runId,
            utc(now),
            worker)
        == 1;
  }

  /** Lets another node take the run over at once (this one stops). */
  @Transactional(TxType.REQUIRES_NEW)
  public void release(String runId, String worker) {
    execute(
        "UPDATE key_rotations SET lease_until = NULL WHERE id = ? AND worker = ?", runId, worker);
  }

  @Transactional(TxType.NOT_SUPPORTED)
  public Optional<Run> unfinished() {
    return runs("WHERE finished_at IS NULL").stream().findFirst();
  }

  /** The latest run, read without locks like {@link #rowsPerKey}. */
  @Transactional(TxType.NOT_SUPPORTED)
  public Optional<Run> latest() {
    return runs("").stream().findFirst();
  }

  /** Records a new run, held by {@code worker} until {@code leaseUntil}. */
  public Run begin(
      String requestedBy, Instant now, String targetKey, String worker, Instant leaseUntil) {
    Run run =
        new Run(
            UUID.randomUUID().toString(),
            requestedBy,
            now,
            targetKey,
            0,
            0,
            Optional.empty(),
            Optional.of(worker),
            Optional.of(leaseUntil));
    String sql =
        "INSERT INTO key_rotations (id, requested_by, requested_at, target_key, rows_done,"
            + " rows_failed, worker, lease_until) VALUES (?, ?, ?, ?, 0, 0, ?, ?)";
    execute(sql, run.id(), run.requestedBy(), utc(now), targetKey, worker, utc(leaseUntil));
    return run;
  }

  public void progress(String runId, String targetKey, long done, long failed) {
    execute(
        "UPDATE key_rotations SET target_key = ?, rows_done = rows_done + ?,"
            + " rows_failed = rows_failed + ? WHERE id = ?",
        targetKey,
        done,
        failed,
        runId);
  }

  /** Marks the run finished, once: false if it was finished already. */
  public boolean finish(String runId, Instant now) {
    return execute(
            "UPDATE key_rotations SET finished_at = ?, lease_until = NULL WHERE id = ?"
                + " AND finished_at IS NULL",
            utc(now),
            runId)
        == 1;
  }

  /** A connection outside any transaction that reads without taking or waiting for locks. */
  private Connection unlockedReads() throws SQLException {
    Connection db = dataSource.getConnection();
    db.setAutoCommit(true);
    db.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
    return db;
  }

  /**
   * What {@link #beginOrResume} did: began {@code run}, resumed it (no node held it), or found it
   * held by another node.
   */
  public record Start(Run run, Outcome outcome) {

    /** How an operator's request to rotate ended. */
    public enum Outcome {
      BEGUN,
      RESUMED,
      HELD_ELSEWHERE
    }
  }

  /**
   * Begins a run for {@code worker}, or gives it the unfinished run if no other node holds that at
   * {@code now}. The table is locked for the decision, so two nodes asked at the same moment never
   * both begin a run.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public Start beginOrResume(
      String requestedBy, Instant now, String targetKey, String worker, Instant leaseUntil) {
    execute("LOCK TABLE key_rotations IN EXCLUSIVE MODE");
    Optional<Run> unfinished;
    try (Connection db = dataSource.getConnection()) {
      unfinished = runs("WHERE finished_at IS NULL", db).stream().findFirst();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read key rotation runs", e);
    }
    if (unfinished.isEmpty()) {
      return new Start(begin(requestedBy, now, targetKey, worker, leaseUntil), Start.Outcome.BEGUN);
    }
    Run run = unfinished.get();
    boolean mine = run.worker().filter(worker::equals).isPresent();
    if (run.heldAt(now) && !mine) {
      return new Start(run, Start.Outcome.HELD_ELSEWHERE);
    }
    execute(
        "UPDATE key_rotations SET worker = ?, lease_until = ? WHERE id = ?",
        worker,
        utc(leaseUntil),
        run.id());
    return new Start(run, Start.Outcome.RESUMED);
  }

  private List<Run> runs(String where) {
    try (Connection db = unlockedReads()) {
      return runs(where, db);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read key rotation runs", e);
    }
  }

  private static List<Run> runs(String where, Connection db) throws SQLException {
    String sql =
        "SELECT id, requested_by, requested_at, target_key, rows_done, rows_failed, finished_at,"
            + " worker, lease_until FROM key_rotations "
            + where
            + " ORDER BY requested_at DESC";
    try (PreparedStatement query = db.prepareStatement(sql)) {
      query.setMaxRows(1);
      List<Run> runs = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          Timestamp finished = rows.getTimestamp(7);
          Timestamp lease = rows.getTimestamp(9);
          runs.add(
              new Run(
                  rows.getString(1).strip(),
                  rows.getString(2),
                  rows.getTimestamp(3).toInstant(),
                  rows.getString(4).strip(),
                  rows.getLong(5),
                  rows.getLong(6),
                  Optional.ofNullable(finished).map(Timestamp::toInstant),
                  Optional.ofNullable(rows.getString(8)).map(String::strip),
                  Optional.ofNullable(lease).map(Timestamp::toInstant)));
        }
      }
      return runs;
    }
  }

  private int execute(String sql, Object... parameters) {
    try (Connection db = dataSource.getConnection();
        PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot record key rotation progress", e);
    }
  }

  /** Like {@code UtcInstantConverter}: the server runs in UTC, so the column holds UTC. */
  private static Timestamp utc(Instant instant) {
    return Timestamp.from(instant);
  }
}

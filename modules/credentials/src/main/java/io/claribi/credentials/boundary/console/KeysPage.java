package io.claribi.credentials.boundary.console;

import io.claribi.credentials.boundary.KeyRotation;
import io.claribi.credentials.boundary.RotationStatus;
import io.claribi.platform.api.ProblemException;
import io.claribi.platform.api.Roles;
import io.claribi.platform.api.VerifiedCaller;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The console's "KeysPage" page, for platform operators: the key ring's fingerprints (never a key),
 * which key is primary, how many stored credentials each key seals, and the rotation run. It reads
 * and starts rotation through {@link KeyRotation}, the facade of {@code
 * /api/v1/credentials/rotation}, so the console and the API report the same numbers.
 */
@Named
@ViewScoped
public class KeysPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject KeyRotation rotation;
  @Inject VerifiedCaller caller;

  private transient RotationStatus status;
  private String notice;
  private boolean alert;

  /**
   * Every visit. Other signed-in users get the console's 403 page: the page shows which key seals
   * how many of every organization's credentials, which is the operator's business only.
   */
  public void load() throws IOException {
    if (!caller.isInRole(Roles.PLATFORM_OPERATOR)) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.getExternalContext().responseSendError(403, "Only platform operators manage keys.");
      faces.responseComplete();
      return;
    }
    status = rotation.status();
  }

  /** Re-encrypts every credential still under an older key with the primary key. */
  public void rotate() {
    if (!caller.isInRole(Roles.PLATFORM_OPERATOR)) {
      notice("Only platform operators may start key rotation.", true);
      return;
    }
    try {
      status = rotation.start(caller.actor());
      notice(
          "Rotation "
              + status.run().id()
              + " started: credentials under older keys are re-encrypted with the primary key in"
              + " the background.",
          false);
    } catch (ProblemException refused) {
      status = rotation.status();
      notice(refused.detail(), true);
    }
  }

  /** Reads the numbers again without starting anything. */
  public void reload() {
    status = rotation.status();
    notice = null;
  }

  private void notice(String text, boolean isAlert) {
    notice = text;
    alert = isAlert;
  }

  // Expression Language 5 (Jakarta EE 10) cannot read record components: getters for the page.

  public String getSource() {
    return switch (status.source()) {
      case "KEY_FILE" -> "a mounted key file (secrets manager)";
      case "ENVIRONMENT" -> "an environment variable";
      case "DEVELOPMENT_KEY_FILE" -> "the development key file (not for production)";
      default -> status.source();
    };
  }

  public boolean isDevelopmentKeys() {
    return "DEVELOPMENT_KEY_FILE".equals(status.source());
  }

  public String getPrimaryKey() {
    return status.primaryKey();
  }

  public List<KeyRow> getKeys() {
    return status.keys().stream().map(KeyRow::of).toList();
  }

  public List<KeyRow> getRemovedKeys() {
    return status.removedKeys().stream().map(KeyRow::of).toList();
  }

  public long getRowsTotal() {
    return status.rowsTotal();
  }

  public long getRowsDone() {
    return status.rowsDone();
  }

  public long getRowsRemaining() {
    return status.rowsRemaining();
  }

  public long getRowsUnreadable() {
    return status.rowsUnreadable();
  }

  /** Share of stored credentials under the primary key, 100 when there are none. */
  public long getPercentDone() {
    return status.rowsTotal() == 0 ? 100 : status.rowsDone() * 100 / status.rowsTotal();
  }

  /** Whether the latest run still works: the page then refreshes itself to follow it. */
  public boolean isRunning() {
    return status != null && status.run() != null && status.run().finishedAt() == null;
  }

  /**
   * Where a run under way stands, in words. The meter counts credentials under the primary key, so
   * it is full before the run's last step (recording it in each organization's trail): say so.
   */
  public String getRunningSummary() {
    if (status.rowsRemaining() > 0) {
      return "Re-encrypting: "
          + status.rowsRemaining()
          + (status.rowsRemaining() == 1 ? " credential" : " credentials")
          + " still under older keys.";
    }
    return "Every credential is under the primary key; the run is finishing (recording itself in"
        + " each organization's audit trail).";
  }

  public boolean isRunShown() {
    return status.run() != null;
  }

  public RunRow getRun() {
    return status.run() == null ? null : RunRow.of(status.run());
  }

  public String getNotice() {
    return notice;
  }

  public boolean isAlert() {
    return alert;
  }

  /** One key of the ring, or a key that left it, as the page lists it. */
  public static final class KeyRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private final RotationStatus.KeyUse key;

    private KeyRow(RotationStatus.KeyUse key) {
      this.key = key;
    }

    static KeyRow of(RotationStatus.KeyUse key) {
      return new KeyRow(key);
    }

    public String getFingerprint() {
      return key.fingerprint();
    }

    public boolean isPrimary() {
      return key.primary();
    }

    public long getRows() {
      return key.rows();
    }

    public boolean isRemovable() {
      return key.removable();
    }

    /** What an operator may do with the key now, in words. */
    public String getRole() {
      if (key.primary()) {
        return "Primary: seals every new or refreshed credential";
      }
      return key.removable()
          ? "Older key, seals nothing: can be removed from the key source"
          : "Older key, still needed: rotate before removing it";
    }
  }

  /** The latest rotation run. */
  public static final class RunRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private final RotationStatus.RunView run;

    private RunRow(RotationStatus.RunView run) {
      this.run = run;
    }

    static RunRow of(RotationStatus.RunView run) {
      return new RunRow(run);
    }

    public String getId() {
      return run.id();
    }

    public String getState() {
      return run.state();
    }

    /** The state in words: {@code Running} or {@code Finished}. */
    public String getStateLabel() {
      return "RUNNING".equals(run.state()) ? "Running" : "Finished";
    }

    public String getRequestedBy() {
      return run.requestedBy();
    }

    /** Written by the page's {@code claribi:time}, in the person's zone. */
    public Instant getRequestedAt() {
      return run.requestedAt();
    }

    public String getTargetKey() {
      return run.targetKey();
    }

    public long getRowsResealed() {
      return run.rowsResealed();
    }

    public long getRowsUnopenable() {
      return run.rowsUnopenable();
    }

    public Instant getFinishedAt() {
      return run.finishedAt();
    }
  }
}

package io.claribi.connections.boundary.console;

import io.claribi.catalog.api.Availability;
import io.claribi.catalog.api.Vendor;
import io.claribi.catalog.api.VendorKind;
import io.claribi.connections.boundary.ConnectionView;
import io.claribi.platform.api.console.ConsoleText;
import java.io.Serializable;
import java.util.List;

/**
 * A catalog vendor on the console's Data sources page: whether the organization's plan lets it
 * connect the vendor (the catalog's {@link Availability} rule), and its connections to it.
 */
public final class VendorRow implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The vendor's state for the organization, most useful first. */
  public enum State {
    CONNECTED("Connected"),
    NEEDS_REAUTH("Needs re-authorisation"),
    PENDING("Pending consent"),
    NOT_CONNECTED("Not connected"),
    LOCKED("Locked by plan");

    private final String label;

    State(String label) {
      this.label = label;
    }
  }

  private final String id;
  private final String displayName;
  private final VendorKind kind;
  private final State state;
  private final boolean locked;
  private final String unlockedBy;
  private final List<ConnectionRow> connections;

  private VendorRow(
      Vendor vendor,
      State state,
      boolean locked,
      String unlockedBy,
      List<ConnectionRow> connections) {
    this.id = vendor.id().value();
    this.displayName = vendor.displayName();
    this.kind = vendor.kind();
    this.state = state;
    this.locked = locked;
    this.unlockedBy = unlockedBy;
    this.connections = List.copyOf(connections);
  }

  /**
   * @param connections the organization's connections (to any vendor)
   */
  static VendorRow of(Vendor vendor, Availability availability, List<ConnectionView> connections) {
    List<ConnectionRow> own =
        connections.stream()
            .filter(c -> c.vendor().equals(vendor.id().value()))
            .map(c -> ConnectionRow.of(c, vendor.displayName()))
            .toList();
    boolean locked = "LOCKED".equals(availability.state());
    String unlockedBy =
        locked && availability.unlockedBy() != null
            ? ConsoleText.title(availability.unlockedBy())
            : "";
    return new VendorRow(vendor, state(locked, own), locked, unlockedBy, own);
  }

  private static State state(boolean locked, List<ConnectionRow> connections) {
    if (has(connections, "ACTIVE")) {
      return State.CONNECTED;
    }
    if (has(connections, "NEEDS_REAUTH")) {
      return State.NEEDS_REAUTH;
    }
    if (locked) {
      return State.LOCKED;
    }
    return has(connections, "PENDING") ? State.PENDING : State.NOT_CONNECTED;
  }

  private static boolean has(List<ConnectionRow> connections, String state) {
    return connections.stream().anyMatch(c -> c.getState().equals(state));
  }

  public String getId() {
    return id;
  }

  public String getDisplayName() {
    return displayName;
  }

  public VendorKind getKind() {
    return kind;
  }

  public State getState() {
    return state;
  }

  public String getStateLabel() {
    return state.label;
  }

  /** The lowest plan that unlocks a locked vendor, e.g. {@code Trial}; empty otherwise. */
  public String getUnlockedBy() {
    return unlockedBy;
  }

  /** The plan does not include this kind of vendor (existing connections may still be listed). */
  public boolean isLocked() {
    return locked;
  }

  /** The plan allows a (further) connect; a locked vendor's connections can only be removed. */
  public boolean isConnectable() {
    return !locked;
  }

  /**
   * Connect is the row's main action only while the vendor has no connection (of any state): a
   * second one is added on purpose, with a name of its own.
   */
  public boolean isFirstConnect() {
    return !locked && connections.isEmpty();
  }

  /** A further connection may be added, named so that it can be told from the others. */
  public boolean isAnotherConnect() {
    return !locked && !connections.isEmpty();
  }

  /** The names its connections go by, which a further connection must differ from. */
  public List<String> getConnectionNames() {
    return connections.stream().map(ConnectionRow::getName).toList();
  }

  public List<ConnectionRow> getConnections() {
    return connections;
  }
}

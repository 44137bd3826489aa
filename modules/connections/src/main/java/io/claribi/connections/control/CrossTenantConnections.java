package io.claribi.connections.control;

import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.OrganizationId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The questions about connections that cross tenants: which organizations have connections to a
 * vendor (asked only when an operator retires a vendor, or changes it or a decision on its tools),
 * which active connections could list a vendor's tools for the catalog, and whose connect a
 * callback's state belongs to, which revocations are due, and who waits for a review of which
 * vendor's tools. It returns ids and nothing else; the rows themselves are then read inside that
 * organization's binding. Named in the ArchUnit rule that confines JDBC.
 */
@ApplicationScoped
public class CrossTenantConnections {

  @Resource(lookup = "jdbc/claribi")
  DataSource dataSource;

  public List<OrganizationId> organizationsConnectedTo(String vendor) {
    return organizations(
        "SELECT DISTINCT organization_id FROM connections WHERE vendor_id = ?"
            + " ORDER BY organization_id",
        vendor);
  }

  /**
   * The organizations with an active connection to a vendor: those whose usable tools an operator's
   * change to the vendor alters.
   */
  public List<OrganizationId> organizationsActivelyConnectedTo(String vendor) {
    return organizations(
        "SELECT DISTINCT organization_id FROM connections WHERE vendor_id = ? AND state = 'ACTIVE'"
            + " ORDER BY organization_id",
        vendor);
  }

  private List<OrganizationId> organizations(String sql, String vendor) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, vendor);
      List<OrganizationId> organizations = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          organizations.add(new OrganizationId(rows.getString(1)));
        }
      }
      return organizations;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list the organizations connected to " + vendor, e);
    }
  }

  /**
   * Up to {@code limit} active connections to a vendor, most recently activated first: what the
   * catalog may list the vendor's tools through (tool metadata is the same for every tenant).
   */
  public List<Attempt> activeConnectionsTo(String vendor, int limit) {
    String sql =
        "SELECT organization_id, id FROM connections WHERE vendor_id = ? AND state = 'ACTIVE'"
            + " ORDER BY activated_at DESC, id";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, vendor);
      statement.setMaxRows(limit);
      List<Attempt> active = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          active.add(
              new Attempt(
                  new OrganizationId(rows.getString(1)),
                  ConnectionId.parse(rows.getString(2).trim())));
        }
      }
      return active;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list the active connections to " + vendor, e);
    }
  }

  /**
   * The organization and connection of a connect in progress, found by the hash of its state: the
   * callback arrives from the vendor's redirect in the admin's browser, without a token, and the
   * single-use state is what names the organization.
   */
  public Optional<Attempt> attemptWithState(String stateHash) {
    String sql =
        "SELECT organization_id, connection_id FROM connection_attempts WHERE state_hash = ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, stateHash);
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Attempt(
                new OrganizationId(rows.getString(1)),
                ConnectionId.parse(rows.getString(2).trim())));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot look up a connect in progress", e);
    }
  }

  /**
   * Connects in progress whose attempt expired before {@code now}, oldest first: an admin never
   * came back from the vendor's consent screen. Ids only; the sweep deletes them per organization.
   */
  public List<Attempt> expiredAttempts(Instant now, int limit) {
    String sql =
        "SELECT organization_id, connection_id FROM connection_attempts WHERE expires_at < ?"
            + " ORDER BY expires_at";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setTimestamp(1, Timestamp.from(now));
      statement.setMaxRows(limit);
      List<Attempt> expired = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          expired.add(
              new Attempt(
                  new OrganizationId(rows.getString(1)),
                  ConnectionId.parse(rows.getString(2).trim())));
        }
      }
      return expired;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list expired connects", e);
    }
  }

  /**
   * Revocations due at {@code now} that no node holds (or whose node's lease ran out), oldest due
   * first: what a node's sweep tries. Ids only; each is claimed under its row lock per
   * organization.
   */
  public List<Attempt> dueRevocations(Instant now, int limit) {
    String sql =
        "SELECT organization_id, connection_id FROM connection_revocations"
            + " WHERE next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)"
            + " ORDER BY next_attempt_at";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      Timestamp at = Timestamp.from(now);
      statement.setTimestamp(1, at);
      statement.setTimestamp(2, at);
      statement.setMaxRows(limit);
      List<Attempt> due = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          due.add(
              new Attempt(
                  new OrganizationId(rows.getString(1)),
                  ConnectionId.parse(rows.getString(2).trim())));
        }
      }
      return due;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list the revocations due", e);
    }
  }

  /**
   * The organizations whose request for a review of a vendor's tools is open (decision 60): those
   * an operator's decision answers when it leaves no tool of the vendor waiting.
   */
  public List<OrganizationId> organizationsAskingForReviewOf(String vendor) {
    return organizations(
        "SELECT organization_id FROM tool_review_requests WHERE vendor_id = ?"
            + " AND answered_at IS NULL ORDER BY organization_id",
        vendor);
  }

  /**
   * Up to {@code limit} open requests for a tool review, oldest first, as organization and vendor:
   * what the platform operators are asked for. Each is then read in its organization's binding.
   */
  public List<ReviewAsked> openToolReviewRequests(int limit) {
    String sql =
        "SELECT organization_id, vendor_id FROM tool_review_requests WHERE answered_at IS NULL"
            + " ORDER BY requested_at, id";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setMaxRows(limit);
      List<ReviewAsked> open = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          open.add(new ReviewAsked(new OrganizationId(rows.getString(1)), rows.getString(2)));
        }
      }
      return open;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list the open requests for a tool review", e);
    }
  }

  /** An organization that asked for a review of a vendor's tools. */
  public record ReviewAsked(OrganizationId organization, String vendor) {}

  /** An organization and one of its connections: where a callback's state leads, and the like. */
  public record Attempt(OrganizationId organization, ConnectionId connection) {}
}

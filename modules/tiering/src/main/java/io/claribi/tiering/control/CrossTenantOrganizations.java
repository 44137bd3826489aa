package io.claribi.tiering.control;

import io.claribi.tiering.api.OpenPlanRequest;
import io.claribi.tiering.api.Plan;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The one question about organizations that crosses tenants: which organizations exist, with their
 * name and plan, for the platform operator who sets plans (the console's Organizations page). It
 * returns those three values and nothing else; a change is then made inside that organization's
 * operator binding. Named in the ArchUnit rule that confines JDBC.
 */
@ApplicationScoped
public class CrossTenantOrganizations {

  @Resource(lookup = "jdbc/claribi")
  DataSource dataSource;

  /** One organization as the directory lists it. */
  public record Listed(String id, String name, Plan plan) {}

  /** Up to {@code limit} organizations, by name, then id. */
  public List<Listed> all(int limit) {
    String sql = "SELECT id, name, current_plan FROM organizations ORDER BY name, id";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setMaxRows(limit);
      List<Listed> listed = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          listed.add(
              new Listed(
                  rows.getString(1).trim(), rows.getString(2), Plan.valueOf(rows.getString(3))));
        }
      }
      return listed;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list the organizations", e);
    }
  }

  /** Up to {@code limit} open plan requests of every organization, oldest first. */
  public List<OpenPlanRequest> openRequests(int limit) {
    String sql =
        "SELECT r.organization_id, o.name, o.current_plan, r.plan, r.message, r.requested_by,"
            + " r.requested_at FROM plan_requests r JOIN organizations o"
            + " ON o.id = r.organization_id WHERE r.outcome IS NULL ORDER BY r.requested_at, r.id";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setMaxRows(limit);
      List<OpenPlanRequest> open = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          open.add(
              new OpenPlanRequest(
                  rows.getString(1).trim(),
                  rows.getString(2),
                  Plan.valueOf(rows.getString(3)),
                  Plan.valueOf(rows.getString(4)),
                  rows.getString(5),
                  rows.getString(6),
                  rows.getTimestamp(7).toInstant()));
        }
      }
      return open;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list the open plan requests", e);
    }
  }

  /** How many organizations have an open plan request: the count in the operators' menu. */
  public long openRequestCount() {
    String sql = "SELECT COUNT(*) FROM plan_requests WHERE outcome IS NULL";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count the open plan requests", e);
    }
  }
}

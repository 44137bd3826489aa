package io.claribi.tiering.control;

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
}

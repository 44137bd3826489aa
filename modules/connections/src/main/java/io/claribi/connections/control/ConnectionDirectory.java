package io.claribi.connections.control;

import io.claribi.platform.api.OrganizationId;
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
 * Which organizations have connections to a vendor: the one question about connections that crosses
 * tenants, asked only when an operator retires a vendor. It returns organization ids and nothing
 * else; the connections themselves are then read and deleted inside each organization's binding.
 * Named in the ArchUnit rule that confines JDBC.
 */
@ApplicationScoped
public class ConnectionDirectory {

  @Resource(lookup = "jdbc/claribi")
  DataSource dataSource;

  public List<OrganizationId> organizationsConnectedTo(String vendor) {
    String sql =
        "SELECT DISTINCT organization_id FROM connections WHERE vendor_id = ?"
            + " ORDER BY organization_id";
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
}

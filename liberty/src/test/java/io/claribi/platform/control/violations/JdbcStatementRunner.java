package io.claribi.platform.control.violations;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Deliberate violation for PersistenceAccessTest: plain JDBC outside the schema migration. */
public class JdbcStatementRunner {

  DataSource dataSource;

  public int countOrganizations() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        var statement = connection.prepareStatement("SELECT COUNT(*) FROM organizations");
        var rows = statement.executeQuery()) {
      rows.next();
      return rows.getInt(1);
    }
  }
}

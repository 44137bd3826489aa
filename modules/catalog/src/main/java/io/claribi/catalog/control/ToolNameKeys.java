package io.claribi.catalog.control;

import io.claribi.catalog.entity.CatalogTool;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * Migration step (changelog catalog/005): gives every existing tool its {@code name_key}, the
 * SHA-256 of its exact name, computed here because Derby's SQL has no SHA-256 function.
 */
public class ToolNameKeys implements CustomTaskChange {

  @Override
  public void execute(Database database) throws CustomChangeException {
    Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
    try {
      Map<String, String> keys = new LinkedHashMap<>();
      try (PreparedStatement select =
              connection.prepareStatement("SELECT id, name FROM catalog_tools");
          ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          keys.put(rows.getString(1), CatalogTool.nameKey(rows.getString(2)));
        }
      }
      try (PreparedStatement update =
          connection.prepareStatement("UPDATE catalog_tools SET name_key = ? WHERE id = ?")) {
        for (Map.Entry<String, String> key : keys.entrySet()) {
          update.setString(1, key.getValue());
          update.setString(2, key.getKey());
          update.addBatch();
        }
        update.executeBatch();
      }
    } catch (SQLException e) {
      throw new CustomChangeException("could not key the existing catalog tools", e);
    }
  }

  @Override
  public String getConfirmationMessage() {
    return "catalog_tools.name_key set from each tool's exact name";
  }

  @Override
  public void setUp() {
    // nothing to prepare
  }

  @Override
  public void setFileOpener(ResourceAccessor resourceAccessor) {
    // reads no files
  }

  @Override
  public ValidationErrors validate(Database database) {
    return new ValidationErrors();
  }
}

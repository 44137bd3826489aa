package io.claribi.credentials.boundary;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.naming.InitialContext;
import javax.sql.DataSource;

/** Every value of every column of every table in the application's schema, as text. */
public final class DatabaseDump {

  private DatabaseDump() {}

  public static DataSource dataSource() throws Exception {
    return (DataSource) new InitialContext().lookup("jdbc/claribi");
  }

  /** One line per row: table name and all column values. */
  public static List<String> everything() throws Exception {
    return containing();
  }

  /**
   * The lines of the full dump that contain one of the strings (all lines if none is given), so a
   * database with a large audit trail does not have to fit in the test's memory.
   */
  public static List<String> containing(String... needles) throws Exception {
    List<String> lines = new ArrayList<>();
    try (Connection db = dataSource().getConnection()) {
      DatabaseMetaData meta = db.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet t = meta.getTables(null, db.getSchema(), "%", new String[] {"TABLE"})) {
        while (t.next()) {
          tables.add(t.getString("TABLE_NAME"));
        }
      }
      if (tables.size() < 3) {
        throw new AssertionError("expected the application's tables in " + db.getSchema());
      }
      for (String table : tables) {
        try (Statement query = db.createStatement();
            ResultSet rows = query.executeQuery("SELECT * FROM \"" + table + "\"")) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            StringBuilder line = new StringBuilder(table);
            for (int c = 1; c <= columns; c++) {
              line.append('|').append(rows.getString(c));
            }
            String text = line.toString();
            if (needles.length == 0 || java.util.Arrays.stream(needles).anyMatch(text::contains)) {
              lines.add(text);
            }
          }
        }
      }
    }
    return lines;
  }
}

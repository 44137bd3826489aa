package io.claribi.platform.boundary;

import io.claribi.platform.control.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database answers: a node that cannot reach it should get no traffic. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Resource(lookup = SchemaMigration.DATA_SOURCE)
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database");
    try (Connection connection = dataSource.getConnection()) {
      boolean valid = connection.isValid(2);
      return response
          .status(valid)
          .withData("product", connection.getMetaData().getDatabaseProductName())
          .build();
    } catch (SQLException e) {
      return response.down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}

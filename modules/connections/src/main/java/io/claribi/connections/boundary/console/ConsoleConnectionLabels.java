package io.claribi.connections.boundary.console;

import io.claribi.catalog.api.Catalog;
import io.claribi.catalog.api.Vendor;
import io.claribi.connections.boundary.ConnectionReads;
import io.claribi.connections.boundary.ConnectionView;
import io.claribi.platform.api.console.ConnectionLabels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Names the organization's connections for other contexts' console pages (the usage chart): the
 * name the admin gave it, or for a connection made before connections had names, its vendor's.
 */
@ApplicationScoped
public class ConsoleConnectionLabels implements ConnectionLabels {

  @Inject ConnectionReads reads;
  @Inject Catalog catalog;

  @Override
  public Map<String, String> labels(Set<String> connectionIds) {
    Map<String, String> vendorNames =
        catalog.activeVendors().stream()
            .collect(Collectors.toMap(v -> v.id().value(), Vendor::displayName, (a, b) -> a));
    Map<String, String> labels = new HashMap<>();
    for (ConnectionView connection : reads.all()) {
      if (connectionIds.contains(connection.id())) {
        labels.put(
            connection.id(),
            connection.displayName() != null
                ? connection.displayName()
                : vendorNames.getOrDefault(connection.vendor(), connection.vendor()));
      }
    }
    return labels;
  }
}

package io.claribi.connections.boundary.console;

import io.claribi.catalog.api.Catalog;
import io.claribi.catalog.api.Vendor;
import io.claribi.connections.boundary.ConnectionReads;
import io.claribi.connections.boundary.ConnectionView;
import io.claribi.platform.api.console.ConnectionLabels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Names the organization's connections for other contexts' console pages: the vendor's name, and
 * where one vendor has several connections, their order of creation ("Acme Payments 2").
 */
@ApplicationScoped
public class ConnectionNames implements ConnectionLabels {

  @Inject ConnectionReads reads;
  @Inject Catalog catalog;

  @Override
  public Map<String, String> labels(Set<String> connectionIds) {
    Map<String, String> vendorNames =
        catalog.activeVendors().stream()
            .collect(Collectors.toMap(v -> v.id().value(), Vendor::displayName, (a, b) -> a));
    Map<String, List<ConnectionView>> byVendor =
        reads.all().stream().collect(Collectors.groupingBy(ConnectionView::vendor));
    Map<String, String> labels = new HashMap<>();
    byVendor.forEach(
        (vendor, connections) -> {
          List<ConnectionView> oldestFirst =
              connections.stream()
                  .sorted(java.util.Comparator.comparing(ConnectionView::createdAt))
                  .toList();
          String name = vendorNames.getOrDefault(vendor, vendor);
          for (int i = 0; i < oldestFirst.size(); i++) {
            String id = oldestFirst.get(i).id();
            if (connectionIds.contains(id)) {
              labels.put(id, i == 0 ? name : name + " " + (i + 1));
            }
          }
        });
    return labels;
  }
}

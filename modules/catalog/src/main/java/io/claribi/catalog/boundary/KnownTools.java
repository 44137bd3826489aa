package io.claribi.catalog.boundary;

import io.claribi.catalog.api.KnownTool;
import io.claribi.catalog.api.VendorId;
import io.claribi.catalog.api.VendorTools;
import io.claribi.catalog.control.Tools;
import io.claribi.catalog.control.Vendors;
import io.claribi.catalog.entity.CatalogTool;
import io.claribi.catalog.entity.CatalogVendor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A vendor's tools with the decision {@link CatalogFacade#decision} makes for the gateway: one
 * rule, asked by both.
 */
@ApplicationScoped
public class KnownTools implements VendorTools {

  @Inject Vendors vendors;
  @Inject Tools tools;

  @Override
  @Transactional
  public List<KnownTool> known(VendorId vendor) {
    if (vendors.find(vendor).filter(CatalogVendor::isActive).isEmpty()) {
      return List.of();
    }
    return tools.of(vendor).stream().map(KnownTools::known).toList();
  }

  static KnownTool known(CatalogTool tool) {
    return new KnownTool(
        tool.name(),
        tool.title(),
        tool.description(),
        hints(tool.annotations()),
        CatalogFacade.decision(tool),
        tool.decisionReason());
  }

  /** The annotations as {@link ToolView} reads them; anything but an object is kept as text. */
  static Map<String, String> hints(String annotations) {
    Map<String, String> hints = new LinkedHashMap<>();
    JsonValue parsed = ToolView.parsed(annotations);
    if (parsed instanceof JsonObject object) {
      object.forEach((key, value) -> hints.put(key, text(value)));
    } else if (parsed != JsonValue.NULL) {
      hints.put("annotations", text(parsed));
    }
    return hints;
  }

  private static String text(JsonValue value) {
    return value instanceof JsonString string ? string.getString() : value.toString();
  }
}

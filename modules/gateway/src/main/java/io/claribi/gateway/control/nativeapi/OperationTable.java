package io.claribi.gateway.control.nativeapi;

import io.claribi.connections.api.VendorText;
import io.claribi.gateway.api.ToolNotAllowedException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** A connector's fixed operations and the code that reads each. */
final class OperationTable {

  /** Reads one operation's answer; validates every argument before the first request. */
  @FunctionalInterface
  interface Reading {
    ObjectNode read(Arguments arguments, ReadOnlyApi api);
  }

  private record Entry(NativeOperation operation, Reading reading) {}

  private final String vendor;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  OperationTable(String vendor) {
    this.vendor = vendor;
  }

  OperationTable with(NativeOperation operation, Reading reading) {
    if (entries.putIfAbsent(operation.name(), new Entry(operation, reading)) != null) {
      throw new IllegalArgumentException("two operations named " + operation.name());
    }
    return this;
  }

  List<NativeOperation> operations() {
    return entries.values().stream().map(Entry::operation).toList();
  }

  /** The operation's input, checked against its declared argument names. */
  Arguments arguments(String operation, Map<String, Object> values) {
    return new Arguments(entry(operation).operation(), values);
  }

  String run(String operation, Arguments arguments, ReadOnlyApi api) {
    return ToolResults.of(entry(operation).reading().read(arguments, api));
  }

  private Entry entry(String operation) {
    Entry entry = entries.get(operation);
    if (entry == null) {
      throw new ToolNotAllowedException(
          vendor + " has no native operation named '" + VendorText.sanitise(operation) + "'.");
    }
    return entry;
  }
}

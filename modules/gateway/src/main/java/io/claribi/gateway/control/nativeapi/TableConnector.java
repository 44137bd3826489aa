package io.claribi.gateway.control.nativeapi;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What every connector does the same way: its operations come from one {@link OperationTable}, the
 * arguments are checked before anything else, and only then is a read-only session opened with the
 * lent token.
 */
abstract class TableConnector implements NativeConnector {

  private final String vendor;
  private final String name;
  private final NativeHttp http;

  TableConnector(String vendor, String name, NativeHttp http) {
    this.vendor = vendor;
    this.name = name;
    this.http = http;
  }

  /** The connector's operations and what runs each. */
  abstract OperationTable table();

  /** Headers a vendor needs besides the bearer token, from the checked arguments. */
  Map<String, String> headers(Arguments checked) {
    return Map.of();
  }

  @Override
  public final String vendorId() {
    return vendor;
  }

  @Override
  public final List<NativeOperation> operations() {
    return table().operations();
  }

  @Override
  public final String call(
      URI base, String operation, Map<String, Object> arguments, Supplier<String> accessToken) {
    Arguments checked = table().arguments(operation, arguments);
    return table().run(operation, checked, http.open(name, base, accessToken, headers(checked)));
  }
}

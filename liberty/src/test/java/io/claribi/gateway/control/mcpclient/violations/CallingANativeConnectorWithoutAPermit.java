package io.claribi.gateway.control.mcpclient.violations;

import io.claribi.gateway.control.nativeapi.NativeConnector;
import java.net.URI;
import java.util.Map;

/**
 * Counter-example: inside the vendor package, calling a native operation with no permit in hand.
 */
public class CallingANativeConnectorWithoutAPermit {

  String sendAnything(NativeConnector connector, String operation) {
    return connector.call(URI.create("https://example.com"), operation, Map.of(), () -> "token");
  }
}

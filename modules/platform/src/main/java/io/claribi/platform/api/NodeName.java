package io.claribi.platform.api;

import java.io.IOException;
import java.net.InetAddress;
import java.util.UUID;

/**
 * This server node as the shared database names the holder of a lease (a key rotation run, a
 * revocation being attempted): the host, and an id of this start, since two nodes may share a host
 * and a restarted node is a new worker.
 */
public final class NodeName {

  private static final String CURRENT = name();

  private NodeName() {}

  public static String current() {
    return CURRENT;
  }

  private static String name() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException | RuntimeException unknown) {
      host = "node";
    }
    String start = UUID.randomUUID().toString().substring(0, 8);
    return host.substring(0, Math.min(host.length(), 100)) + "#" + start;
  }
}

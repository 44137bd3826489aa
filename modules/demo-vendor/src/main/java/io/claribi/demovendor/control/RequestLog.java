package io.claribi.demovendor.control;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Every HTTP request that reached the MCP endpoint or a fault path, authenticated or not, whatever
 * its HTTP method (a POST of a request, notification or answer, the event stream's GET, the closing
 * DELETE): the newest {@code capacity} entries, in arrival order. A request is recorded when it
 * arrives and gets its status when the response is done (a streamed or parked response finishes
 * later). Tests read it to prove that a call the product blocked never arrived here.
 */
public final class RequestLog {

  /**
   * One request: {@code rpcMethod}, {@code rpcKind}, {@code toolName} and {@code resourceUri} may
   * be null (a GET or DELETE has no body; a client's answer has no method), and {@code status} is
   * null while the response is still under way.
   */
  public record Entry(
      long sequence,
      Instant time,
      String httpMethod,
      String path,
      String rpcMethod,
      String rpcKind,
      String toolName,
      String resourceUri,
      boolean bearerToken,
      Integer status) {}

  /** A recorded request whose response is not finished yet. */
  public static final class Arrival {
    private final Entry entry;
    private volatile Integer status;

    private Arrival(Entry entry) {
      this.entry = entry;
    }

    public void finished(int httpStatus) {
      status = httpStatus;
    }

    Entry entry() {
      return new Entry(
          entry.sequence(),
          entry.time(),
          entry.httpMethod(),
          entry.path(),
          entry.rpcMethod(),
          entry.rpcKind(),
          entry.toolName(),
          entry.resourceUri(),
          entry.bearerToken(),
          status);
    }
  }

  private final int capacity;
  private final Deque<Arrival> arrivals = new ArrayDeque<>();
  private long sequence;

  public RequestLog(int capacity) {
    this.capacity = capacity;
  }

  public synchronized Arrival record(
      Instant time, String httpMethod, String path, JsonRpcRequest rpc, boolean bearerToken) {
    if (arrivals.size() == capacity) {
      arrivals.removeFirst();
    }
    Arrival arrival =
        new Arrival(
            new Entry(
                ++sequence,
                time,
                httpMethod,
                path,
                rpc.method(),
                rpc.kind(),
                rpc.toolName(),
                rpc.resourceUri(),
                bearerToken,
                null));
    arrivals.addLast(arrival);
    return arrival;
  }

  /** The entries in arrival order, optionally only those of one JSON-RPC method. */
  public synchronized List<Entry> entries(Optional<String> rpcMethod) {
    return arrivals.stream()
        .map(Arrival::entry)
        .filter(e -> rpcMethod.map(m -> m.equals(e.rpcMethod())).orElse(true))
        .toList();
  }

  public synchronized void clear() {
    arrivals.clear();
  }
}

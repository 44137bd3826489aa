package io.claribi.platform.api;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of the current request and the address it came from, as recorded in the audit trail and
 * echoed to the client in {@code X-Request-Id}. A well-formed incoming {@code X-Request-Id} (from a
 * load balancer or the client) is kept, so one id follows a request through several systems;
 * anything else is replaced by a fresh UUID.
 */
@RequestScoped
public class RequestCorrelation {

  public static final String HEADER = "X-Request-Id";

  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{7,63}");

  private String requestId;
  private String clientAddress;

  /** Called once per request by the platform's request filter. */
  public void start(String incomingRequestId, String remoteAddress) {
    this.requestId = isWellFormed(incomingRequestId) ? incomingRequestId : newId();
    this.clientAddress = remoteAddress;
  }

  /** This request's id; generated on first use when no filter saw the request. */
  public String requestId() {
    if (requestId == null) {
      requestId = newId();
    }
    return requestId;
  }

  /** The peer address of the connection (see docs/operations.md for proxies). */
  public Optional<String> clientAddress() {
    return Optional.ofNullable(clientAddress);
  }

  public static boolean isWellFormed(String candidate) {
    return candidate != null && WELL_FORMED.matcher(candidate).matches();
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }
}

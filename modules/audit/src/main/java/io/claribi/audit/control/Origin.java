package io.claribi.audit.control;

import java.util.Objects;

/**
 * Who caused an event and through which request: the token's subject (or {@code system}), the
 * request id and the client address.
 */
public record Origin(String actor, String requestId, String clientAddress) {

  public static final String SYSTEM = "system";

  public Origin {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(requestId, "requestId");
    actor = actor.length() > 255 ? actor.substring(0, 255) : actor;
    clientAddress =
        clientAddress != null && clientAddress.length() > 64
            ? clientAddress.substring(0, 64)
            : clientAddress;
  }
}

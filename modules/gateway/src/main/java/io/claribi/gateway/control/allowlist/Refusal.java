package io.claribi.gateway.control.allowlist;

import io.claribi.catalog.api.ToolDecision.RefusalReason;
import java.util.Objects;

/**
 * Why the allowlist said no: the catalog's reason, or {@code ARGUMENTS} when the arguments do not
 * match the approved schema.
 */
public record Refusal(String reason, String detail) {

  public static final String ARGUMENTS = "ARGUMENT_INVALID";

  public Refusal {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  static Refusal of(RefusalReason reason, String detail) {
    return new Refusal(reason.name(), detail);
  }

  public boolean isArguments() {
    return ARGUMENTS.equals(reason);
  }
}

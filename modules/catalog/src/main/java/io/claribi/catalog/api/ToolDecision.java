package io.claribi.catalog.api;

import java.util.Objects;

/** The allowlist's answer for exactly one vendor and one tool name, as of now. */
public sealed interface ToolDecision {

  VendorId vendor();

  String toolName();

  /** An operator allowed this tool and it has not changed since. */
  record Allowed(AllowedTool tool) implements ToolDecision {

    public Allowed {
      Objects.requireNonNull(tool, "tool");
    }

    @Override
    public VendorId vendor() {
      return tool.vendor();
    }

    @Override
    public String toolName() {
      return tool.name();
    }
  }

  /** Anything else: nothing may be sent to the vendor. */
  record Refused(VendorId vendor, String toolName, RefusalReason reason) implements ToolDecision {

    public Refused {
      Objects.requireNonNull(vendor, "vendor");
      Objects.requireNonNull(toolName, "toolName");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Why a tool may not be called; shown to admins and recorded in the audit trail. */
  enum RefusalReason {
    /** The vendor is not in the catalog, or was retired. */
    VENDOR_UNKNOWN,
    /** The vendor never listed a tool with exactly this name. */
    UNKNOWN_TOOL,
    /** Listed, but no operator has allowed it yet (every new tool starts here). */
    PENDING_REVIEW,
    /** An operator denied it. */
    DENIED,
    /** Allowed once, but its description, schema or annotations changed since. */
    CHANGED_SINCE_APPROVAL,
    /** Allowed once, but the vendor no longer lists it. */
    NO_LONGER_LISTED
  }
}

package io.claribi.connections.boundary.console;

import io.claribi.connections.boundary.OpenToolReviewRequest;
import io.claribi.connections.boundary.ToolReviewRequesting;
import io.claribi.platform.api.Roles;
import io.claribi.platform.api.VerifiedCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open requests for a tool review (decision 60) on the platform operators' pages: the count on
 * the Overview and, in the Review queue, who asked for a review of the shown tool's vendor. Read
 * once per page; a list that cannot be read is empty (logged): it never fails a page.
 */
@Named("toolReviewRequests")
@RequestScoped
public class ToolReviewRequestsForOperators {

  private static final Logger LOG =
      Logger.getLogger(ToolReviewRequestsForOperators.class.getName());

  @Inject ToolReviewRequesting requesting;
  @Inject VerifiedCaller caller;

  private List<Asked> open;

  /** Every open request, oldest first; none for anyone but a platform operator. */
  public List<Asked> getOpen() {
    if (open == null) {
      open = read();
    }
    return open;
  }

  public int getCount() {
    return getOpen().size();
  }

  /** The open requests for one vendor's tools. */
  public List<Asked> forVendor(String vendor) {
    return getOpen().stream().filter(a -> a.getVendor().equals(vendor)).toList();
  }

  private List<Asked> read() {
    if (!caller.isInRole(Roles.PLATFORM_OPERATOR)) {
      return List.of();
    }
    try {
      return requesting.open().stream().map(Asked::new).toList();
    } catch (RuntimeException unread) {
      LOG.log(Level.WARNING, "The requests for a tool review could not be read", unread);
      return List.of();
    }
  }

  /** One open request, with getters for the page (EL 5 cannot read record components). */
  public static final class Asked {
    private final OpenToolReviewRequest request;

    Asked(OpenToolReviewRequest request) {
      this.request = request;
    }

    public String getOrganization() {
      return request.organization();
    }

    public String getVendor() {
      return request.vendor();
    }

    public String getMessage() {
      return request.message() == null ? "" : request.message();
    }

    public long getWaitingTools() {
      return request.waitingTools();
    }

    public String getRequestedBy() {
      return request.requestedBy();
    }

    public Instant getRequestedAt() {
      return request.requestedAt();
    }
  }
}

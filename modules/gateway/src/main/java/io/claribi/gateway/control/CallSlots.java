package io.claribi.gateway.control;

import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.RetryLaterException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bulkheads for vendor calls on this node (decision 36): at most so many calls of one organization,
 * and so many to one vendor, under way at once. A call beyond either is refused at once with 429
 * {@code TOO_MANY_CONCURRENT_CALLS} and {@code Retry-After}, before anything is counted or sent, so
 * one tenant's slow vendor can park only its own share of the request threads and fence
 * connections, never all of them.
 */
public final class CallSlots {

  /** The bounds, per node. */
  public record Limits(int perOrganization, int perVendor) {
    public Limits {
      if (perOrganization < 1 || perVendor < 1) {
        throw new IllegalArgumentException("call limits must be at least 1");
      }
    }
  }

  private final ConcurrentMap<String, Semaphore> organizations = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Semaphore> vendors = new ConcurrentHashMap<>();
  private final Limits limits;

  public CallSlots(Limits limits) {
    this.limits = limits;
  }

  /**
   * One slot for a call of this organization to this vendor, or a refusal. Semaphores are never
   * removed: one per organization and vendor that called on this node, a few dozen bytes each.
   */
  public Slot take(OrganizationId organization, String vendor) {
    Semaphore ofOrganization =
        organizations.computeIfAbsent(
            organization.value(), o -> new Semaphore(limits.perOrganization()));
    if (!ofOrganization.tryAcquire()) {
      throw refused(
          "The organization has "
              + limits.perOrganization()
              + " calls under way on this node, its limit");
    }
    Semaphore ofVendor = vendors.computeIfAbsent(vendor, v -> new Semaphore(limits.perVendor()));
    if (!ofVendor.tryAcquire()) {
      ofOrganization.release();
      throw refused(
          "Vendor " + vendor + " has " + limits.perVendor() + " calls under way, its limit");
    }
    return new Slot(ofOrganization, ofVendor);
  }

  /** A slot that a call may take once, during its admission, and gives back when it ends. */
  public Reservation reservation() {
    return new Reservation();
  }

  /** Taken by admission (once the vendor is known), closed by the call when it ends. */
  public final class Reservation implements AutoCloseable {
    private Slot slot;

    public void take(OrganizationId organization, String vendor) {
      if (slot == null) {
        slot = CallSlots.this.take(organization, vendor);
      }
    }

    @Override
    public void close() {
      if (slot != null) {
        slot.close();
      }
    }
  }

  /** Calls of the organization under way on this node. */
  public int inUse(OrganizationId organization) {
    Semaphore slots = organizations.get(organization.value());
    return slots == null ? 0 : limits.perOrganization() - slots.availablePermits();
  }

  private static RetryLaterException refused(String why) {
    return new RetryLaterException(
        429,
        "TOO_MANY_CONCURRENT_CALLS",
        "Too many calls under way",
        why + "; nothing was sent and nothing was counted. Try again when a call has finished.",
        1);
  }

  /** A taken slot; closing it more than once gives it back once. */
  public static final class Slot implements AutoCloseable {
    private final Semaphore organization;
    private final Semaphore vendor;
    private final AtomicBoolean open = new AtomicBoolean(true);

    Slot(Semaphore organization, Semaphore vendor) {
      this.organization = organization;
      this.vendor = vendor;
    }

    @Override
    public void close() {
      if (open.compareAndSet(true, false)) {
        vendor.release();
        organization.release();
      }
    }
  }
}

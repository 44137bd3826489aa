package io.claribi.catalog.boundary.console;

import io.claribi.platform.api.console.Notice;
import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a post of the Review queue tells the page it redirects to (the decision's notice, a refused
 * reason and its text), held in the operator's session under that page's address and taken by the
 * first load of it. The Faces flash would do the same through a cookie of its own; in the browser
 * tests its notice was sometimes missing after the redirect, so the page keeps this itself.
 */
@SessionScoped
public class ReviewOutcomes implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Outcomes nobody picked up (a redirect not followed) are dropped beyond this many. */
  private static final int KEPT = 16;

  /** The outcome of one post. */
  public record Outcome(Notice notice, boolean refused, String reason) implements Serializable {}

  private final Map<String, Outcome> byAddress = new LinkedHashMap<>();

  public synchronized void put(String address, Outcome outcome) {
    byAddress.remove(address);
    byAddress.put(address, outcome);
    while (byAddress.size() > KEPT) {
      byAddress.remove(byAddress.keySet().iterator().next());
    }
  }

  public synchronized Optional<Outcome> take(String address) {
    return Optional.ofNullable(byAddress.remove(address));
  }
}

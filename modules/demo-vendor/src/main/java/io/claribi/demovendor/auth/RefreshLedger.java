package io.claribi.demovendor.auth;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What Acme's token endpoint was shown in refresh grants, so tests can check the claim "exactly one
 * refresh, no refresh token spent twice" at the vendor rather than infer it from the client. The
 * mock looks a presented refresh token up before it rotates it, and does both without a lock: two
 * requests with the same token at once could both be honoured, so a token presented again is
 * counted here whether the mock refused it or not. Kept across restarts of the server, like the
 * revocation log; holds tokens in memory only (the demo's own, the newest {@value #REMEMBERED}).
 */
public final class RefreshLedger {

  static final int REMEMBERED = 10_000;

  /** Counts since the last {@link #clear}. */
  public record Counts(int refreshes, int refused, int presentedAgain) {}

  private final Set<String> presented = new LinkedHashSet<>();
  private int refreshes;
  private int refused;
  private int presentedAgain;

  /** One refresh grant presented {@code token}; {@code live} whether the server still held it. */
  synchronized void presented(String token, boolean live) {
    refreshes++;
    if (!live) {
      refused++;
    }
    if (!presented.add(token)) {
      presentedAgain++;
    } else if (presented.size() > REMEMBERED) {
      presented.remove(presented.iterator().next());
    }
  }

  public synchronized Counts counts() {
    return new Counts(refreshes, refused, presentedAgain);
  }

  /** Zeroes the counts; the tokens seen stay remembered, so a later reuse is still noticed. */
  public synchronized void clear() {
    refreshes = 0;
    refused = 0;
    presentedAgain = 0;
  }
}

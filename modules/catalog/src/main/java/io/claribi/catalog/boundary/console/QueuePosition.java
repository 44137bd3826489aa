package io.claribi.catalog.boundary.console;

import java.util.List;
import java.util.Optional;

/** Where the operator is in the (filtered) review queue, and where a decision takes them. */
final class QueuePosition {

  private QueuePosition() {}

  /** The index of the tool in the queue; the first when none is asked for or it is not there. */
  static int of(List<String> queue, String wanted) {
    int at = wanted == null ? -1 : queue.indexOf(wanted);
    return Math.max(at, 0);
  }

  /**
   * The tool to show after {@code decided} left the queue: the first of the tools after it that is
   * still waiting, else the nearest before it that is, else the first of the queue as it is now (it
   * may have changed meanwhile: another operator, a discovery). Empty when the queue is empty.
   *
   * @param before the queue the decision was made in, {@code decided} among it
   * @param now the queue after the decision
   */
  static Optional<String> afterDecision(List<String> before, String decided, List<String> now) {
    int at = before.indexOf(decided);
    if (at >= 0) {
      for (String next : before.subList(at + 1, before.size())) {
        if (now.contains(next)) {
          return Optional.of(next);
        }
      }
      for (int i = at - 1; i >= 0; i--) {
        if (now.contains(before.get(i))) {
          return Optional.of(before.get(i));
        }
      }
    }
    return now.stream().filter(key -> !key.equals(decided)).findFirst();
  }
}

package io.claribi.catalog.boundary.console;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The approved and current text of one field compared line by line (java-diff-utils, Myers'
 * algorithm): every line of both, in order, marked as the same, removed since approval or added
 * since. Only the lines are computed here; the page writes them with escaping output.
 */
public final class LineDiff {

  private LineDiff() {}

  /** One line of the comparison. */
  public record Line(Kind kind, String text) implements Serializable {
    public String getKind() {
      return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    public String getText() {
      return text;
    }

    /** What a screen reader and the printed page read before the line. */
    public String getSign() {
      return switch (kind) {
        case SAME -> " ";
        case REMOVED -> "−";
        case ADDED -> "+";
      };
    }
  }

  /** Where a line stands. */
  public enum Kind {
    SAME,
    REMOVED,
    ADDED
  }

  /** Worth showing only where a field has more than one line on either side. */
  static boolean worthShowing(String approved, String now) {
    return approved.contains("\n") || now.contains("\n");
  }

  static List<Line> of(String approved, String now) {
    List<String> before = approved.lines().toList();
    List<String> after = now.lines().toList();
    List<Line> lines = new ArrayList<>();
    int next = 0; // the next line of the approved text not yet written
    for (AbstractDelta<String> delta : DiffUtils.diff(before, after).getDeltas()) {
      int at = delta.getSource().getPosition();
      before.subList(next, at).forEach(l -> lines.add(new Line(Kind.SAME, l)));
      delta.getSource().getLines().forEach(l -> lines.add(new Line(Kind.REMOVED, l)));
      delta.getTarget().getLines().forEach(l -> lines.add(new Line(Kind.ADDED, l)));
      next = at + delta.getSource().size();
    }
    before.subList(next, before.size()).forEach(l -> lines.add(new Line(Kind.SAME, l)));
    return lines;
  }
}

package io.claribi.tiering.boundary.console;

import io.claribi.tiering.api.ToolCallHistory;
import java.io.Serializable;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of the usage charts the page draws as inline SVG (decision 0057): calls per day as
 * bars, and the month's running total as a line under the quota's dashed line. Computed here so the
 * page only places shapes; every number drawn is also in the page's tables.
 */
public final class UsageChart implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The drawing area inside the SVG's view box; the margins hold the axis labels. */
  static final int LEFT = 64;

  static final int TOP = 16;
  static final int WIDTH = 640;
  static final int HEIGHT = 160;

  private final List<Bar> bars;
  private final List<Tick> dayTicks;
  private final long dailyMax;
  private final String runningTotal;
  private final long totalMax;
  private final int quotaY;

  private UsageChart(
      List<Bar> bars,
      List<Tick> dayTicks,
      long dailyMax,
      String runningTotal,
      long totalMax,
      int quotaY) {
    this.bars = bars;
    this.dayTicks = dayTicks;
    this.dailyMax = dailyMax;
    this.runningTotal = runningTotal;
    this.totalMax = totalMax;
    this.quotaY = quotaY;
  }

  /** One bar per day of the month; days still to come have none. */
  public static UsageChart of(ToolCallHistory history) {
    YearMonth month = YearMonth.parse(history.period());
    int slots = month.lengthOfMonth();
    double slot = (double) WIDTH / slots;
    long dailyMax =
        roundUp(history.days().stream().mapToLong(ToolCallHistory.Day::calls).max().orElse(0));
    List<Bar> bars = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    long total =
        history.days().isEmpty()
            ? 0
            : history.days().get(history.days().size() - 1).sinceMonthStart();
    long totalMax = Math.max(Math.max(total, history.quota()), 1);
    line.append(LEFT).append(',').append(TOP + HEIGHT);
    for (ToolCallHistory.Day day : history.days()) {
      int index = day.day().getDayOfMonth() - 1;
      int height = scale(day.calls(), dailyMax);
      int x = LEFT + (int) Math.round(index * slot + slot * 0.15);
      int width = Math.max(1, (int) Math.round(slot * 0.7));
      bars.add(new Bar(x, TOP + HEIGHT - height, width, height, day.day().toString(), day.calls()));
      int end = LEFT + (int) Math.round((index + 1) * slot);
      line.append(' ')
          .append(end)
          .append(',')
          .append(TOP + HEIGHT - scale(day.sinceMonthStart(), totalMax));
    }
    List<Tick> ticks = new ArrayList<>();
    for (int day = 1; day <= slots; day += day == 1 ? 4 : 5) {
      ticks.add(new Tick(LEFT + (int) Math.round((day - 0.5) * slot), Integer.toString(day)));
    }
    int quotaY = TOP + HEIGHT - scale(history.quota(), totalMax);
    return new UsageChart(bars, ticks, dailyMax, line.toString(), totalMax, quotaY);
  }

  /** Heights in the drawing area, never above it. */
  private static int scale(long value, long max) {
    if (max <= 0) {
      return 0;
    }
    return (int) Math.round(Math.min(value, max) * (double) HEIGHT / max);
  }

  /** A round top for an axis: 1, 2 or 5 times a power of ten, at least the value (and 10). */
  static long roundUp(long value) {
    long step = 1;
    while (true) {
      for (long factor : new long[] {1, 2, 5}) {
        long candidate = factor * step;
        if (candidate >= Math.max(value, 10)) {
          return candidate;
        }
      }
      step *= 10;
    }
  }

  static String number(long value) {
    return String.format(Locale.US, "%,d", value);
  }

  public List<Bar> getBars() {
    return bars;
  }

  public List<Tick> getDayTicks() {
    return dayTicks;
  }

  public String getDailyMax() {
    return number(dailyMax);
  }

  public String getTotalMax() {
    return number(totalMax);
  }

  public String getRunningTotal() {
    return runningTotal;
  }

  public int getQuotaY() {
    return quotaY;
  }

  public int getLeft() {
    return LEFT;
  }

  public int getRight() {
    return LEFT + WIDTH;
  }

  public int getTop() {
    return TOP;
  }

  public int getBottom() {
    return TOP + HEIGHT;
  }

  /** One day's bar; {@code label} and {@code calls} also go into the bar's tooltip. */
  public record Bar(int x, int y, int width, int height, String day, long calls)
      implements Serializable {

    public int getX() {
      return x;
    }

    public int getY() {
      return y;
    }

    public int getWidth() {
      return width;
    }

    public int getHeight() {
      return height;
    }

    public String getDay() {
      return day;
    }

    public String getCalls() {
      return number(calls);
    }
  }

  public record Tick(int x, String label) implements Serializable {

    public int getX() {
      return x;
    }

    public String getLabel() {
      return label;
    }
  }
}

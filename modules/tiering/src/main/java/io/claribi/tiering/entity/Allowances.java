package io.claribi.tiering.entity;

import java.util.Arrays;

/**
 * Splits a month's quota into the allowances of its stripes. What is left of the quota is shared
 * out evenly on top of what each stripe already counted, so the allowances add up to {@code
 * max(counted, quota)}: no stripe falls below its count, and no stripe can count past the quota.
 */
public final class Allowances {

  private Allowances() {}

  /**
   * @param calls what each stripe counted so far (none negative)
   * @param limit the month's quota (not negative)
   * @return each stripe's allowance, in the order of {@code calls}
   */
  public static long[] split(long[] calls, long limit) {
    if (calls.length == 0) {
      throw new IllegalArgumentException("a month has at least one stripe");
    }
    if (limit < 0) {
      throw new IllegalArgumentException("the quota must not be negative: " + limit);
    }
    if (Arrays.stream(calls).anyMatch(c -> c < 0)) {
      throw new IllegalArgumentException("counts must not be negative: " + Arrays.toString(calls));
    }
    long left = Math.max(0, limit - Arrays.stream(calls).sum());
    long share = left / calls.length;
    long extra = left % calls.length;
    long[] allowances = new long[calls.length];
    for (int k = 0; k < calls.length; k++) {
      allowances[k] = calls[k] + share + (k < extra ? 1 : 0);
    }
    return allowances;
  }
}

package io.claribi.gateway.control.nativeapi;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * An inclusive range of calendar days. Written back with {@link LocalDate#toString()}, so what a
 * vendor receives is always {@code YYYY-MM-DD} whatever the caller sent.
 */
record DateRange(LocalDate start, LocalDate end) {

  static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  String startText() {
    return start.toString();
  }

  String endText() {
    return end.toString();
  }
}

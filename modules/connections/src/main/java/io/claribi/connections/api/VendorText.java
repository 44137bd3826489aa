package io.claribi.connections.api;

/** Text that came from a vendor, made safe to show to integrators and admins and to log. */
public final class VendorText {

  public static final int MAX_MESSAGE = 300;

  private VendorText() {}

  /**
   * Vendor text shown to integrators: printable characters only (no control, format or bidi
   * characters), one line, bounded.
   */
  public static String sanitise(String message) {
    if (message == null || message.isBlank()) {
      return "(no message)";
    }
    StringBuilder out = new StringBuilder();
    message
        .codePoints()
        .forEach(
            c -> {
              int type = Character.getType(c);
              boolean invisible =
                  Character.isISOControl(c)
                      || type == Character.FORMAT
                      || type == Character.LINE_SEPARATOR
                      || type == Character.PARAGRAPH_SEPARATOR
                      || type == Character.PRIVATE_USE
                      || type == Character.SURROGATE
                      || type == Character.UNASSIGNED;
              out.appendCodePoint(invisible || Character.isWhitespace(c) ? ' ' : c);
            });
    String flat = out.toString().replaceAll(" +", " ").strip();
    return flat.length() <= MAX_MESSAGE ? flat : flat.substring(0, MAX_MESSAGE) + "…";
  }
}

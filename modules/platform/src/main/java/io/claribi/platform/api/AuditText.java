package io.claribi.platform.api;

/** Caller- or vendor-supplied names as they go into audit details: visible and bounded. */
public final class AuditText {

  public static final int MAX = 200;

  private AuditText() {}

  /**
   * Escapes every character outside printable ASCII as {@code \\uXXXX}, so a name with a zero-width
   * space or a homoglyph reads differently from the name it imitates.
   */
  public static String visible(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < MAX; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '\\') {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.length() > MAX ? out.substring(0, MAX) : out.toString();
  }
}

package io.claribi.platform.api;

import java.util.OptionalInt;

/**
 * The one rule for text a client sends: no control characters except tab and line breaks, and no
 * lone UTF-16 surrogates. NUL is refused by PostgreSQL, a lone surrogate cannot be encoded as
 * UTF-8, and the others only serve to hide text from the people who read logs and audit trails.
 */
public final class PrintableText {

  private PrintableText() {}

  /** The first code point the rule refuses, if any. */
  public static OptionalInt firstRefused(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++; // a well-formed pair
        continue;
      }
      if (Character.isSurrogate(c) || refusedControl(c)) {
        return OptionalInt.of(c);
      }
    }
    return OptionalInt.empty();
  }

  /**
   * Refuses text outside the rule with 400 {@code TEXT_INVALID}, naming the field but not echoing
   * the text: for query and form parameters (JSON bodies are checked as they are read).
   */
  public static String require(String field, String text) {
    if (text != null) {
      firstRefused(text)
          .ifPresent(
              c -> {
                throw ProblemException.badRequest(
                    "TEXT_INVALID",
                    String.format(
                        "%s contains the character U+%04X; text accepts no control characters"
                            + " except tab and line breaks.",
                        field, c));
              });
    }
    return text;
  }

  private static boolean refusedControl(char c) {
    return Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r';
  }
}

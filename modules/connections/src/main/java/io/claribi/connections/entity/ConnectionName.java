package io.claribi.connections.entity;

import java.util.Locale;
import java.util.Objects;

/**
 * What an admin calls a connection, such as {@code Acme Payments} or {@code Acme Payments EU}:
 * trimmed, 1 to {@value #MAX_LENGTH} characters, no control characters. Unique among one
 * organization's connections to one vendor, ignoring case ({@link #sameAs}).
 */
public record ConnectionName(String value) {

  public static final int MAX_LENGTH = 80;

  public ConnectionName {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty() || value.length() > MAX_LENGTH || !value.strip().equals(value)) {
      throw new IllegalArgumentException(
          "A connection name has 1 to " + MAX_LENGTH + " characters.");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("A connection name cannot contain control characters.");
    }
  }

  /**
   * What a person typed, trimmed.
   *
   * @throws IllegalArgumentException with a message for that person if it is blank, too long or
   *     holds control characters
   */
  public static ConnectionName parse(String typed) {
    String trimmed = typed == null ? "" : typed.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("Enter a name for the connection.");
    }
    if (trimmed.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "A connection name has at most "
              + MAX_LENGTH
              + " characters; this one has "
              + trimmed.length()
              + ".");
    }
    return new ConnectionName(trimmed);
  }

  /** Two names a person could not tell apart in a list: equal ignoring case. */
  public boolean sameAs(String other) {
    return other != null && key(value).equals(key(other.strip()));
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return value;
  }
}

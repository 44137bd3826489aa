package io.claribi.catalog.api;

import io.claribi.platform.api.ProblemException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A vendor's stable id in the catalog (its slug, such as {@code stripe} or {@code acme-payments}).
 * Connections, audit events and tool decisions refer to a vendor by this id only.
 */
public record VendorId(String value) {

  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

  /**
   * Names that a catalog vendor may not take: {@code upload} stands for an organization's uploaded
   * files wherever a vendor would be named (audit events, tool lists, routing answers).
   */
  public static final java.util.Set<String> RESERVED = java.util.Set.of("upload");

  public VendorId {
    Objects.requireNonNull(value, "value");
    if (!isValid(value)) {
      throw new IllegalArgumentException(
          "a vendor id is 2-63 lower-case letters, digits or '-', starting with a letter or digit");
    }
  }

  public static boolean isValid(String candidate) {
    return candidate != null && SLUG.matcher(candidate).matches();
  }

  /** Text from a path: anything that cannot be a vendor id is a vendor that does not exist. */
  public static VendorId parse(String text) {
    if (!isValid(text)) {
      throw ProblemException.notFound("Vendor " + text);
    }
    return new VendorId(text);
  }

  @Override
  public String toString() {
    return value;
  }
}

package io.claribi.platform.api;

import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identifier of a customer organization (a tenant), as carried by the {@code org} claim.
 *
 * <p>Kept to a conservative alphabet so that it is safe in logs, file names and audit exports.
 */
public record OrganizationId(String value) {

  /**
   * The one order in which a transaction that appends to several organizations' audit trails takes
   * their chain heads (the usage relay, an operator's change to a vendor): two such transactions
   * then never wait on each other in a circle. By the id's UTF-16 code units, not a database
   * collation.
   */
  public static final Comparator<OrganizationId> LOCK_ORDER =
      Comparator.comparing(OrganizationId::value);

  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public OrganizationId {
    Objects.requireNonNull(value, "organization id");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "organization id must be 1-64 characters of letters, digits, '.', '_' or '-',"
              + " starting with a letter or digit");
    }
  }

  public static boolean isValid(String candidate) {
    return candidate != null && FORMAT.matcher(candidate).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}

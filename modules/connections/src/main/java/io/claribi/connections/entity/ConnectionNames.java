package io.claribi.connections.entity;

import java.util.Collection;

/**
 * The names an organization's connections to one vendor may take: each one different (ignoring
 * case), and the vendor's own name, then "Name 2", "Name 3"… for a connection nobody named.
 */
public final class ConnectionNames {

  private ConnectionNames() {}

  /**
   * @param taken the names of the vendor's existing connections (for one without a name, the
   *     vendor's name, which is what the console shows for it)
   */
  public static boolean isTaken(ConnectionName name, Collection<String> taken) {
    return taken.stream().anyMatch(name::sameAs);
  }

  /** The vendor's name if no connection has it, otherwise the first free "Vendor name N". */
  public static ConnectionName firstFree(String vendorName, Collection<String> taken) {
    String base = vendorName == null ? "" : vendorName.strip();
    ConnectionName plain = base.isEmpty() ? null : fitted(base, "");
    if (plain != null && !isTaken(plain, taken)) {
      return plain;
    }
    for (int n = 2; ; n++) {
      ConnectionName numbered = fitted(base, (base.isEmpty() ? "Connection " : " ") + n);
      if (!isTaken(numbered, taken)) {
        return numbered;
      }
    }
  }

  /** The base cut short where it must be, so that the suffix still fits. */
  private static ConnectionName fitted(String base, String suffix) {
    int room = ConnectionName.MAX_LENGTH - suffix.length();
    String cut = base.length() > room ? base.substring(0, room).strip() : base;
    return new ConnectionName((cut + suffix).strip());
  }
}

package io.claribi.audit.boundary.console;

import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.console.ConsoleText;
import jakarta.faces.model.SelectItem;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Event types in words for the audit page ("Connection used"); the code stays for support. */
final class EventTypes {

  /** Where the code's words read badly. */
  private static final Map<AuditEventType, String> WORDS =
      Map.of(
          AuditEventType.CONNECTION_REAUTH_REQUIRED, "Connection needs re-authorisation",
          AuditEventType.CATALOG_OAUTH_CLIENT_DROPPED, "Catalog OAuth client dropped",
          AuditEventType.CONSOLE_SIGN_IN, "Console sign-in",
          AuditEventType.CONSOLE_SIGN_IN_FAILED, "Console sign-in failed");

  private EventTypes() {}

  static String words(AuditEventType type) {
    return WORDS.getOrDefault(type, ConsoleText.title(type));
  }

  /** A stored type's name in words; an unknown name as it is. */
  static String words(String name) {
    return Arrays.stream(AuditEventType.values())
        .filter(t -> t.name().equals(name))
        .findFirst()
        .map(EventTypes::words)
        .orElse(name);
  }

  /** Every type, in the enum's order, as options: the code is the value, the words the label. */
  static List<SelectItem> choices() {
    return Arrays.stream(AuditEventType.values())
        .map(t -> new SelectItem(t.name(), words(t)))
        .toList();
  }
}

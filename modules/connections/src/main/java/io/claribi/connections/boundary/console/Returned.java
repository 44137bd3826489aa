package io.claribi.connections.boundary.console;

import io.claribi.platform.api.console.Notice;
import java.util.Optional;

/**
 * The message for the vendor's redirect back to the Data sources page ({@code
 * ?connection=…&result=connected} or {@code &result=failed&code=…}). The address is anyone's to
 * write: the connection is named only if the signed-in organization has it, and a code is shown
 * only if it looks like one of ours.
 */
final class Returned {

  private Returned() {}

  static Notice message(String connection, String result, String code, DataSourcesPage page) {
    Notice notice = new Notice();
    if ("failed".equals(result)) {
      // a failed connect leaves no connection behind, so there is nothing to look up
      notice.alert(
          "Connecting failed"
              + (DataSourcesPage.isCode(code) ? " (" + code + ")" : "")
              + ". Nothing was saved; you can try again.");
      return notice;
    }
    Optional<String> vendor = page.vendorOf(connection);
    if (vendor.isEmpty()) {
      notice.alert("Connection not found.");
    } else if ("connected".equals(result)) {
      notice.status(vendor.get() + " is connected.");
    } else {
      notice.status("Returned from " + vendor.get() + ".");
    }
    return notice;
  }
}

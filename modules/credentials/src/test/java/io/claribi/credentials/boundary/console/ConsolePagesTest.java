package io.claribi.credentials.boundary.console;

import io.claribi.platform.testing.ConsolePageReferences;
import org.junit.jupiter.api.Test;

/** This context's console pages reference only what its page beans have. */
class ConsolePagesTest {

  @Test
  void every_bean_reference_of_the_pages_resolves() {
    ConsolePageReferences.assertResolved(ConsolePageReferences.PAGES, KeysPage.class);
  }
}

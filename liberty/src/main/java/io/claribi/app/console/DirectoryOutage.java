package io.claribi.app.console;

import jakarta.enterprise.context.RequestScoped;

/**
 * Whether the directory could not be asked during this request's sign-in: the sign-in page then
 * says so instead of blaming the password. Lives for one request; nothing is remembered.
 */
@RequestScoped
public class DirectoryOutage {

  private boolean happened;

  void happened() {
    happened = true;
  }

  boolean hasHappened() {
    return happened;
  }
}

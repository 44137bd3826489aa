package io.claribi.app.console;

/**
 * The directory could not answer: down, too slow, refusing the service account, or configured
 * incompletely. Not the user's fault, so the sign-in page says so instead of "wrong password".
 */
class DirectoryUnreachable extends Exception {

  private static final long serialVersionUID = 1L;

  DirectoryUnreachable(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.claribi.credentials.control;

/** No usable key ring: the application must not start, or a reload must be ignored. */
public class KeyRingException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  public KeyRingException(String message) {
    super(message);
  }

  public KeyRingException(String message, Throwable cause) {
    super(message, cause);
  }
}

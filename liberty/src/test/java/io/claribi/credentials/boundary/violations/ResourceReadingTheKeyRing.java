package io.claribi.credentials.boundary.violations;

import io.claribi.credentials.control.KeyRingSource;

/** Counter-example: a boundary class inside credentials reaches for the key ring directly. */
public class ResourceReadingTheKeyRing {

  private KeyRingSource keys;

  String primary() {
    return keys.current().primary().fingerprint();
  }
}

package io.claribi.connections.violations;

import io.claribi.credentials.control.Fernet;
import io.claribi.credentials.control.FernetKey;
import java.security.SecureRandom;

/** Counter-example: a class outside the vault opens a ciphertext itself. */
public class DecryptingOutsideTheVault {

  byte[] open(String key, String ciphertext) {
    return new Fernet(new SecureRandom()).decrypt(FernetKey.parse(key), ciphertext);
  }
}

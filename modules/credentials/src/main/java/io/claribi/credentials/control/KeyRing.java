package io.claribi.credentials.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys that seal and open credentials: the first (newest) encrypts, every key decrypts.
 *
 * <p>Keys are looked up by fingerprint, so opening a credential costs the same with one key or ten.
 * A ring is immutable; a reloaded key file makes a new ring.
 */
public final class KeyRing {

  private final List<FernetKey> newestFirst;
  private final Map<String, FernetKey> byFingerprint;

  private KeyRing(List<FernetKey> newestFirst) {
    this.newestFirst = List.copyOf(newestFirst);
    Map<String, FernetKey> index = new HashMap<>();
    for (FernetKey key : newestFirst) {
      index.put(key.fingerprint(), key);
    }
    this.byFingerprint = Map.copyOf(index);
  }

  /**
   * Reads one key per line, newest first; blank lines and lines starting with {@code #} are
   * ignored, separators may also be commas (for environment variables).
   *
   * @param source names where the text came from, for the error message
   * @throws KeyRingException naming the source and the position of the bad key, never the key
   */
  public static KeyRing parse(String text, String source) {
    List<FernetKey> keys = new ArrayList<>();
    Map<String, Integer> positions = new HashMap<>();
    String[] lines = text.split("\\R|,", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      FernetKey key;
      try {
        key = FernetKey.parse(line);
      } catch (IllegalArgumentException e) {
        throw new KeyRingException(source + ", entry " + (i + 1) + ": the key " + e.getMessage());
      }
      Integer earlier = positions.putIfAbsent(key.fingerprint(), i + 1);
      if (earlier != null) {
        throw new KeyRingException(
            source
                + ", entry "
                + (i + 1)
                + ": the same key as entry "
                + earlier
                + " (fingerprint "
                + key.fingerprint()
                + "); every key must be different");
      }
      keys.add(key);
    }
    if (keys.isEmpty()) {
      throw new KeyRingException(source + " holds no key");
    }
    return new KeyRing(keys);
  }

  /** The key that seals everything new. */
  public FernetKey primary() {
    return newestFirst.get(0);
  }

  public Optional<FernetKey> byFingerprint(String fingerprint) {
    return Optional.ofNullable(byFingerprint.get(fingerprint));
  }

  /** Fingerprints, newest first. */
  public List<String> fingerprints() {
    return newestFirst.stream().map(FernetKey::fingerprint).toList();
  }

  public int size() {
    return newestFirst.size();
  }

  @Override
  public String toString() {
    return "KeyRing" + fingerprints();
  }
}

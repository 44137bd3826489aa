package io.claribi.credentials.control;

import io.claribi.platform.api.StartupOrder;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live key ring of this server: loaded at start (no key, no start) and, for a key file, re-read
 * when the file changes, at most once per reload interval, without a restart.
 *
 * <p>A replaced file that does not parse is ignored with a SEVERE log and the previous ring stays:
 * a typo during rotation must not take credentials offline.
 */
@ApplicationScoped
public class KeyRingSource {

  /** The environment variable that may hold the keys, comma or newline separated. */
  public static final String KEYS_VARIABLE = "CLARIBI_CREDENTIALS_KEYS";

  private static final Logger LOG = Logger.getLogger(KeyRingSource.class.getName());

  private CredentialsConfig config;
  private Clock clock;
  private volatile KeyRingLoader.Loaded loaded;
  private volatile Instant lastChecked = Instant.EPOCH;

  protected KeyRingSource() {
    // for the CDI proxy
  }

  @Inject
  public KeyRingSource(CredentialsConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /** Refuses to start the application when no valid key ring is available. */
  void loadAtStartup(@Observes @Priority(StartupOrder.SECRETS) Startup startup) {
    loaded =
        new KeyRingLoader(
                config.keyFile(),
                Optional.ofNullable(System.getenv(KEYS_VARIABLE)),
                config.devKeyAllowed(),
                config.devKeyFile(),
                new SecureRandom())
            .load();
    lastChecked = clock.instant();
    LOG.info(
        () ->
            "Credential key ring loaded from "
                + describe(loaded)
                + ": "
                + loaded.ring().size()
                + " key(s), primary "
                + loaded.ring().primary().fingerprint());
  }

  /** The ring to use now; re-reads a changed key file first when the interval has passed. */
  public KeyRing current() {
    KeyRingLoader.Loaded now = loaded;
    if (now == null) {
      throw new KeyRingException("The credential key ring is not loaded: the application is down");
    }
    if (now.file().isPresent() && reloadDue()) {
      reloadIfChanged();
    }
    return loaded.ring();
  }

  /** Where the keys come from, for the operator's view. */
  public KeyRingLoader.Kind kind() {
    return loaded.kind();
  }

  private boolean reloadDue() {
    var interval = config.keyReloadInterval();
    return !interval.isZero() && !clock.instant().isBefore(lastChecked.plus(interval));
  }

  private synchronized void reloadIfChanged() {
    if (!reloadDue()) {
      return;
    }
    lastChecked = clock.instant();
    KeyRingLoader.Loaded previous = loaded;
    try {
      KeyRingLoader.Loaded fresh = KeyRingLoader.reread(previous);
      if (!MessageDigest.isEqual(fresh.digest(), previous.digest())) {
        loaded = fresh;
        LOG.info(
            () ->
                "Credential key ring reloaded from "
                    + describe(fresh)
                    + ": keys "
                    + fresh.ring().fingerprints()
                    + ", primary "
                    + fresh.ring().primary().fingerprint()
                    + " (was "
                    + previous.ring().fingerprints()
                    + ")");
      }
    } catch (KeyRingException e) {
      LOG.log(
          Level.SEVERE,
          "The changed credential key file was NOT loaded; the previous key ring "
              + previous.ring().fingerprints()
              + " stays in use. "
              + e.getMessage());
    }
  }

  private static String describe(KeyRingLoader.Loaded loaded) {
    return switch (loaded.kind()) {
      case KEY_FILE -> "key file " + loaded.file().orElseThrow();
      case ENVIRONMENT -> "environment variable " + KEYS_VARIABLE;
      case DEVELOPMENT_KEY_FILE -> "DEVELOPMENT key file " + loaded.file().orElseThrow();
    };
  }
}

package io.claribi.credentials.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The credentials context's settings. None of them is a key: key material is read only from the key
 * file or the {@value KeyRingSource#KEYS_VARIABLE} environment variable, never through MicroProfile
 * Config, so no config source can ever hold a key.
 */
@ApplicationScoped
public class CredentialsConfig {

  @Inject
  @ConfigProperty(name = "claribi.credentials.key-file")
  Optional<String> keyFile;

  @Inject
  @ConfigProperty(name = "claribi.credentials.dev-key.allowed", defaultValue = "false")
  boolean devKeyAllowed;

  @Inject
  @ConfigProperty(name = "claribi.credentials.dev-key.file", defaultValue = "dev-credentials.keys")
  String devKeyFile;

  @Inject
  @ConfigProperty(name = "claribi.credentials.key-reload-seconds", defaultValue = "10")
  long keyReloadSeconds;

  @Inject
  @ConfigProperty(name = "claribi.credentials.rotation.batch-size", defaultValue = "50")
  int rotationBatchSize;

  @Inject
  @ConfigProperty(name = "claribi.credentials.rotation.pause-millis", defaultValue = "0")
  long rotationPauseMillis;

  @Inject
  @ConfigProperty(name = "claribi.credentials.rotation.lease-seconds", defaultValue = "30")
  long rotationLeaseSeconds;

  /** A file mounted by a secrets manager: one key per line, newest first. */
  public Optional<Path> keyFile() {
    return keyFile.filter(s -> !s.isBlank()).map(Path::of);
  }

  /** Only the README's development run sets this: production refuses to invent a key. */
  public boolean devKeyAllowed() {
    return devKeyAllowed;
  }

  public Path devKeyFile() {
    return Path.of(devKeyFile);
  }

  /** How often the key file is checked for a new version; 0 turns reloading off. */
  public Duration keyReloadInterval() {
    return Duration.ofSeconds(Math.max(0, keyReloadSeconds));
  }

  /** Rows re-encrypted per transaction by the rotation job. */
  public int rotationBatchSize() {
    return Math.max(1, rotationBatchSize);
  }

  /**
   * How long a node holds a rotation run without renewing it (it renews with every batch); a run
   * held no longer is taken over by another node. At least 5 s.
   */
  public Duration rotationLease() {
    return Duration.ofSeconds(Math.max(5, rotationLeaseSeconds));
  }

  /** A pause between rotation batches, to spare a busy database. */
  public Duration rotationPause() {
    return Duration.ofMillis(Math.max(0, rotationPauseMillis));
  }
}

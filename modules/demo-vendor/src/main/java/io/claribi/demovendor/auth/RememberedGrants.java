package io.claribi.demovendor.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;

/**
 * The demo authorization server's live refresh tokens, kept in a file so that a restart of the
 * development server does not forget every grant (each demo connection would turn NEEDS_REAUTH at
 * its first refresh). mock-oauth2-server keeps them in a private map only: this replaces that map
 * with one that writes the file on every change (a rotation removes the spent token and adds the
 * new one) and starts from the file. Every grant uses the same callback, so only the tokens are
 * stored. A demo convenience for loopback development: the file holds live refresh tokens of the
 * demo vendor, nothing of a real one.
 */
final class RememberedGrants extends HashMap<String, OAuth2TokenCallback> {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(RememberedGrants.class.getName());

  private final transient Path file;
  private final transient RefreshLedger ledger;

  private RememberedGrants(Path file, RefreshLedger ledger) {
    this.file = file;
    this.ledger = ledger;
  }

  /**
   * Gives the server the grants in {@code file} and keeps the file current from now on; with no
   * file, the grants live in memory only, as the mock's own would.
   *
   * @return the server's grants now, empty if this mock version keeps them elsewhere
   */
  static java.util.Optional<RememberedGrants> attach(
      MockOAuth2Server server, Path file, OAuth2TokenCallback callback, RefreshLedger ledger) {
    RememberedGrants grants = new RememberedGrants(file, ledger);
    grants.load(callback);
    try {
      Object handler = field(server, "defaultRequestHandler");
      Object manager = field(handler, "refreshTokenManager");
      Field cache = manager.getClass().getDeclaredField("cache");
      cache.setAccessible(true);
      cache.set(manager, grants);
      return java.util.Optional.of(grants);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Another mock version: grants are then forgotten at a restart, as before (README).
      LOG.log(Level.WARNING, "Demo grants cannot be kept across restarts: " + e, e);
      return java.util.Optional.empty();
    }
  }

  /** Forgets every kept grant (the vendor revoked them all). */
  static void forget(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object field(Object owner, String name) throws ReflectiveOperationException {
    Field field = owner.getClass().getDeclaredField(name);
    field.setAccessible(true);
    return field.get(owner);
  }

  private void load(OAuth2TokenCallback callback) {
    if (file == null || !Files.isRegularFile(file)) {
      return;
    }
    try {
      for (String token : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!token.isBlank()) {
          super.put(token.strip(), callback);
        }
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Demo grants could not be read from " + file, e);
    }
  }

  @Override
  public synchronized OAuth2TokenCallback put(String token, OAuth2TokenCallback callback) {
    OAuth2TokenCallback before = super.put(token, callback);
    save();
    return before;
  }

  @Override
  public synchronized OAuth2TokenCallback remove(Object token) {
    OAuth2TokenCallback before = super.remove(token);
    save();
    return before;
  }

  /** The mock looks a token up here only for a refresh grant: the ledger sees each one. */
  @Override
  public synchronized OAuth2TokenCallback get(Object token) {
    OAuth2TokenCallback callback = super.get(token);
    if (token instanceof String presented) {
      ledger.presented(presented, callback != null);
    }
    return callback;
  }

  /** Written to a temporary file and moved into place, so a crash never leaves half a file. */
  private void save() {
    if (file == null) {
      return;
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path next = file.resolveSibling(file.getFileName() + ".next");
      Files.write(next, keySet(), StandardCharsets.UTF_8);
      Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Demo grants could not be written to " + file, e);
    }
  }
}

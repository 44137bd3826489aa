package io.claribi.app.console;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Throttles console sign-in per user name and per client address, for every identity source alike
 * (development users, the LDAP directory): a name or an address with too many failed sign-ins in
 * the window is refused, without its password being checked, until the oldest of those failures
 * leaves the window. Per node, in memory and bounded ({@link SignInAttempts}); docs/operations.md,
 * "Sign-in throttling".
 */
@ApplicationScoped
public class SignInThrottle {

  static final String PREFIX = "claribi.console.sign-in.";

  @Inject
  @ConfigProperty(name = PREFIX + "max-failures", defaultValue = "5")
  int maxFailuresPerUser;

  @Inject
  @ConfigProperty(name = PREFIX + "max-failures-per-address", defaultValue = "20")
  int maxFailuresPerAddress;

  @Inject
  @ConfigProperty(name = PREFIX + "window", defaultValue = "PT1M")
  Duration window;

  @Inject
  @ConfigProperty(name = PREFIX + "tracked", defaultValue = "10000")
  int tracked;

  private SignInAttempts users;
  private SignInAttempts addresses;

  @PostConstruct
  void start() {
    users = new SignInAttempts(maxFailuresPerUser, window, tracked, Clock.systemUTC());
    addresses = new SignInAttempts(maxFailuresPerAddress, window, tracked, Clock.systemUTC());
  }

  /**
   * Admits an attempt with this name from this address, counting it as a failure of both until it
   * is known to be something else ({@link #succeeded}, {@link #unchecked}); or refuses it, and then
   * counts nothing.
   *
   * @return the lock that refuses it, if one does
   */
  public Optional<SignInAttempts.Lock> admit(String name, String address) {
    String user = userKey(name);
    String from = String.valueOf(address);
    Optional<SignInAttempts.Lock> byUser = users.attempt(user);
    Optional<SignInAttempts.Lock> byAddress = addresses.attempt(from);
    if (byUser.isEmpty() && byAddress.isEmpty()) {
      return Optional.empty();
    }
    if (byUser.isEmpty()) {
      users.forgive(user);
      return byAddress;
    }
    if (byAddress.isEmpty()) {
      addresses.forgive(from);
      return byUser;
    }
    Instant until =
        byUser.get().until().isAfter(byAddress.get().until())
            ? byUser.get().until()
            : byAddress.get().until();
    return Optional.of(
        new SignInAttempts.Lock(until, byUser.get().first() || byAddress.get().first()));
  }

  /** The name's failures in the window, the admitted attempt that just failed included. */
  public int failures(String name) {
    return users.failures(userKey(name));
  }

  /** The attempt signed in: the name's failures are forgotten, the address's attempt taken back. */
  public void succeeded(String name, String address) {
    users.succeeded(userKey(name));
    addresses.forgive(String.valueOf(address));
  }

  /** The password could not be checked (the directory was down): the attempt is taken back. */
  public void unchecked(String name, String address) {
    users.forgive(userKey(name));
    addresses.forgive(String.valueOf(address));
  }

  public int maxFailuresPerUser() {
    return users.maxFailures();
  }

  public Duration window() {
    return window;
  }

  /**
   * Names differing only in case or surrounding blanks count as one: directories compare names that
   * way, so changing the case must not buy more guesses. Capped in length, so a key is small.
   */
  static String userKey(String name) {
    String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    return key.length() > 256 ? key.substring(0, 256) : key;
  }
}

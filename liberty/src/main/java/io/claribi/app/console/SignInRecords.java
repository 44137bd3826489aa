package io.claribi.app.console;

import io.claribi.platform.api.AuditEvent;
import io.claribi.platform.api.AuditEventType;
import io.claribi.platform.api.ConsolePrincipal;
import io.claribi.platform.api.ConsoleUsers;
import io.claribi.platform.api.DeferredAuditEvent;
import io.claribi.platform.api.IdentityClaims;
import io.claribi.platform.api.RequestCorrelation;
import io.claribi.platform.api.TenantBinding;
import io.claribi.platform.api.VerifiedCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes console sign-ins and failed sign-ins into the audit trail of the user's organization, and
 * a log line for every failure (never the password). A failure is recorded only when the name
 * belongs to exactly one console user, whose organization is then known; the actor is that user.
 * Each record is its own transaction: the sign-in is not a change that could be rolled back with
 * it, and a trail that cannot be written is logged, never shown to the person signing in.
 *
 * <p>A failed sign-in has no caller, so the organization is bound with the system binding (named in
 * SystemBindingTest); the actor, request id and client address go with the event ({@link
 * DeferredAuditEvent}), as for usage records.
 */
@ApplicationScoped
public class SignInRecords {

  private static final Logger LOG = Logger.getLogger(SignInRecords.class.getName());

  @Inject Instance<ConsoleUsers> consoleUsers;
  @Inject VerifiedCaller caller;
  @Inject TenantBinding tenancy;
  @Inject RequestCorrelation correlation;
  @Inject Event<DeferredAuditEvent> audit;
  @Inject SignInRecords self;

  /** After a successful sign-in of {@code name}. */
  public void signedIn(String name, String address) {
    user(name)
        .ifPresent(
            user -> {
              LOG.info(() -> "Console sign-in of '" + user.getName() + "' from " + address + ".");
              record(user, address, AuditEvent.of(AuditEventType.CONSOLE_SIGN_IN, Map.of()));
            });
  }

  /** After a wrong name or password; {@code failures} is the name's count in the window. */
  public void failed(String name, String address, int failures, int maxFailures) {
    LOG.info(
        () ->
            "Console sign-in failed for "
                + printable(name)
                + " from "
                + address
                + ": wrong user name or password ("
                + failures
                + " of "
                + maxFailures
                + " allowed in the window).");
    user(name)
        .ifPresent(
            user ->
                record(
                    user,
                    address,
                    AuditEvent.of(
                        AuditEventType.CONSOLE_SIGN_IN_FAILED,
                        Map.of(
                            "reason", "WRONG_CREDENTIALS", "failures", String.valueOf(failures)))));
  }

  /** The first refused attempt of a lock (later ones in the same lock are not recorded). */
  public void throttled(String name, String address, Instant until) {
    LOG.warning(
        () ->
            "Console sign-in for "
                + printable(name)
                + " from "
                + address
                + " is refused until "
                + until
                + ": too many failed sign-ins.");
    user(name)
        .ifPresent(
            user ->
                record(
                    user,
                    address,
                    AuditEvent.of(
                        AuditEventType.CONSOLE_SIGN_IN_FAILED,
                        Map.of("reason", "THROTTLED", "retryAfter", until.toString()))));
  }

  private void record(ConsolePrincipal user, String address, AuditEvent event) {
    try {
      self.write(
          new DeferredAuditEvent(
              user.organization(), user.getName(), correlation.requestId(), address, event));
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "A console "
              + event.type()
              + " of '"
              + user.getName()
              + "' could not be written to the audit trail of "
              + user.organization(),
          e);
    }
  }

  /** In the signed-in user's own binding, or the system's when the request has no caller yet. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void write(DeferredAuditEvent record) {
    if (caller.isAuthenticated()) {
      if (!caller.organization().equals(record.organization())) {
        throw new IllegalStateException("signed in for another organization");
      }
      audit.fire(record);
      return;
    }
    try (TenantBinding.OperatorScope system = tenancy.actAsSystemFor(record.organization())) {
      audit.fire(record);
    }
  }

  /** The one console user with this name, if exactly one identity source knows it. */
  private Optional<ConsolePrincipal> user(String name) {
    if (!IdentityClaims.isAcceptable(name) || consoleUsers.isUnsatisfied()) {
      return Optional.empty();
    }
    List<ConsolePrincipal> known =
        consoleUsers.stream().map(users -> users.find(name)).flatMap(Optional::stream).toList();
    return known.size() == 1 ? Optional.of(known.get(0)) : Optional.empty();
  }

  /** A name for the log: quoted if it could be a user name, never with control characters. */
  static String printable(String name) {
    return IdentityClaims.isAcceptable(name)
        ? "'" + name + "'"
        : "a name that cannot be a user name";
  }
}

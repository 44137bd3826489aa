package io.claribi.app.console;

import io.claribi.platform.api.ConsolePrincipal;
import io.claribi.platform.api.ConsoleUsers;
import io.claribi.platform.api.IdentityClaims;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Console users from the customer's LDAP directory ({@link Directory}), off unless {@code
 * claribi.console.ldap.url} is set. As an identity store it checks a sign-in; as a {@link
 * ConsoleUsers} it tells {@code VerifiedCaller} on every later request who the signed-in name is,
 * asking the directory again (so a user removed from the admin group loses the console at once).
 *
 * <p>A name the development users know is theirs alone while they are enabled: the directory is not
 * asked for it, so a directory entry cannot take over a development user's identity or the other
 * way round.
 */
@ApplicationScoped
public class DirectoryUsers implements IdentityStore, ConsoleUsers {

  private static final Logger LOG = Logger.getLogger(DirectoryUsers.class.getName());

  @Inject Config config;
  @Inject DevelopmentUserDirectory developmentUsers;
  @Inject DirectoryOutage outage;

  void reportAtStart(@Observes Startup startup) {
    try {
      settings()
          .ifPresent(directory -> LOG.info("Console users sign in with the LDAP " + directory));
    } catch (RuntimeException e) {
      LOG.severe(e.getMessage() + ". Nobody can sign in to the console with the directory.");
    }
  }

  /** After the development users. */
  @Override
  public int priority() {
    return 200;
  }

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    Optional<Directory> directory = directoryFor(login.getCaller());
    if (directory.isEmpty()) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    try {
      return directory
          .get()
          .signIn(login.getCaller(), login.getPassword().getValue())
          .map(DirectoryUsers::principal)
          .map(principal -> new CredentialValidationResult(principal, principal.groups()))
          .orElse(CredentialValidationResult.INVALID_RESULT);
    } catch (DirectoryUnreachable e) {
      LOG.warning("Console sign-in could not ask the directory: " + e.getMessage());
      outage.happened();
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
  }

  @Override
  public Optional<ConsolePrincipal> find(String name) {
    Optional<Directory> directory = directoryFor(name);
    if (directory.isEmpty()) {
      return Optional.empty();
    }
    try {
      return directory.get().find(name).map(DirectoryUsers::principal);
    } catch (DirectoryUnreachable e) {
      LOG.warning("A console user could not be looked up in the directory: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** The identity a directory user signs in as: the one place their organization is attached. */
  static ConsolePrincipal principal(DirectoryUser user) {
    return new ConsolePrincipal(user.name(), user.organization(), user.roles());
  }

  private Optional<Directory> directoryFor(String name) {
    // A name that could not be the actor of an audit record (a control character, too long) is
    // nobody's: the directory is not asked, so such an entry can never sign in.
    if (!IdentityClaims.isAcceptable(name)) {
      return Optional.empty();
    }
    if (developmentUsers.enabled() && developmentUsers.names().contains(name)) {
      return Optional.empty();
    }
    if (ProviderSignInSettings.configured(key -> config.getOptionalValue(key, String.class))) {
      return Optional.empty(); // the console signs in with the identity provider only
    }
    try {
      return settings().map(Directory::new);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "The console's LDAP settings are not usable: " + e.getMessage());
      outage.happened();
      return Optional.empty();
    }
  }

  private Optional<DirectorySettings> settings() {
    return DirectorySettings.read(key -> config.getOptionalValue(key, String.class));
  }
}

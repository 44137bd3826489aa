package io.claribi.app.console;

import io.claribi.platform.api.ConsolePrincipal;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The console's development users: a demo organization admin and a platform operator, read from
 * configuration ({@link DevelopmentUserDirectory}) and checked against PBKDF2 hashes. Without
 * {@code claribi.console.dev-users.enabled=true} (set only by the development server) it knows
 * nobody.
 */
@ApplicationScoped
public class DevelopmentUsers implements IdentityStore {

  private static final Logger LOG = Logger.getLogger(DevelopmentUsers.class.getName());

  /**
   * Compared against when the user is unknown, so a wrong name costs as long as a wrong password.
   */
  private static final String DECOY =
      "PBKDF2WithHmacSHA256:210000:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=:"
          + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

  @Inject DevelopmentUserDirectory directory;
  @Inject Pbkdf2PasswordHash hashes;

  @PostConstruct
  void initialize() {
    hashes.initialize(Map.of());
  }

  void warnAtStart(@Observes Startup startup) {
    if (directory.enabled()) {
      LOG.warning(
          "Console development users are enabled ("
              + String.join(", ", directory.names())
              + "). Never in production: set CLARIBI_CONSOLE_DEV_USERS_ENABLED=false.");
    }
  }

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login) || !directory.enabled()) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    Optional<DevelopmentUser> user = directory.user(login.getCaller());
    char[] password = login.getPassword().getValue();
    boolean matches =
        hashes.verify(password, user.map(DevelopmentUser::passwordHash).orElse(DECOY));
    if (user.isEmpty() || !matches) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    ConsolePrincipal principal = DevelopmentUserDirectory.principal(user.get());
    return new CredentialValidationResult(principal, principal.groups());
  }
}

package io.claribi.app.console;

import io.claribi.platform.api.ConsolePrincipal;
import io.claribi.platform.api.ConsoleUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * Console users the customer's OpenID Connect provider signed in (decision 50). As an identity
 * store it accepts the credential the callback makes from a verified ID token; as a {@link
 * ConsoleUsers} it tells {@code VerifiedCaller} on every later request who the signed-in name is,
 * from the identity the callback kept in this browser's HTTP session. A name with no such session
 * is nobody's here: the single sign-on cookie alone (replayed after sign-out, or sent to a node
 * that does not hold the session) carries no organization.
 */
@ApplicationScoped
public class ProviderUsers implements IdentityStore, ConsoleUsers {

  static final String SESSION_ATTRIBUTE = ProviderIdentity.class.getName();

  @Inject IdentityProvider provider;
  @Inject HttpServletRequest request;

  @Override
  public int priority() {
    return 100;
  }

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof ProviderCredential signedIn) || !provider.configured()) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    ConsolePrincipal principal = principal(signedIn.identity());
    return new CredentialValidationResult(principal, principal.groups());
  }

  @Override
  public Optional<ConsolePrincipal> find(String name) {
    if (name == null || !provider.configured()) {
      return Optional.empty();
    }
    return signedIn()
        .filter(identity -> identity.name().equals(name))
        .map(ProviderUsers::principal);
  }

  /** The identity this request's session was signed in with, if the provider signed it in. */
  Optional<ProviderIdentity> signedIn() {
    try {
      HttpSession session = request.getSession(false);
      return session != null
              && session.getAttribute(SESSION_ATTRIBUTE) instanceof ProviderIdentity identity
          ? Optional.of(identity)
          : Optional.empty();
    } catch (ContextNotActiveException | IllegalStateException e) {
      return Optional.empty(); // no HTTP request on this thread, or its session has ended
    }
  }

  /** The identity a provider user signs in as: the one place their organization is attached. */
  static ConsolePrincipal principal(ProviderIdentity identity) {
    return new ConsolePrincipal(identity.name(), identity.organization(), identity.roles());
  }
}

package io.claribi.app.console;

import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.Roles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import javax.naming.AuthenticationException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.NoPermissionException;
import javax.naming.OperationNotSupportedException;
import javax.naming.SizeLimitExceededException;
import javax.naming.directory.Attribute;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.LdapContext;
import javax.naming.ldap.LdapName;
import javax.net.ssl.SSLSocketFactory;

/**
 * Console users in the customer's LDAP directory, by search-then-bind: the service account (or an
 * anonymous search) finds exactly one entry for the name with the user filter, whose {@code {0}}
 * JNDI fills in escaped (RFC 4515), so a name like {@code *} or {@code )(uid=*} matches only
 * itself; a bind as that entry checks the password (an unknown name binds to a decoy DN, so it
 * costs as long as a wrong password). The entry's organization attribute must hold exactly one
 * valid organization id, and the groups whose filter matches the entry's DN must include the admin
 * or the operator group. Nothing is cached: every sign-in and every lookup asks the directory.
 */
final class Directory {

  private static final Logger LOG = Logger.getLogger(Directory.class.getName());
  private static final int LONGEST_NAME = 256;
  private static final int MOST_GROUPS = 1000;

  private final DirectorySettings settings;
  private final DirectoryConnections connections;

  Directory(DirectorySettings settings) {
    this(settings, null);
  }

  Directory(DirectorySettings settings, SSLSocketFactory startTlsSockets) {
    this.settings = settings;
    this.connections = new DirectoryConnections(settings, startTlsSockets);
  }

  /** The console user if the password is theirs; empty when the directory says no. */
  Optional<DirectoryUser> signIn(String name, char[] password) throws DirectoryUnreachable {
    if (!plausible(name) || password == null || password.length == 0) {
      return Optional.empty();
    }
    return ask(
        service -> {
          Optional<SearchResult> entry = entry(service, name);
          // an unknown name binds too, to a DN nobody has: it takes as long as a wrong password
          String dn = entry.map(SearchResult::getNameInNamespace).orElseGet(this::decoy);
          boolean matches = passwordMatches(dn, password);
          if (entry.isEmpty() || !matches) {
            return Optional.empty();
          }
          return consoleUser(service, name, entry.get());
        });
  }

  /** The console user the name belongs to now, without a password: for later requests. */
  Optional<DirectoryUser> find(String name) throws DirectoryUnreachable {
    if (!plausible(name)) {
      return Optional.empty();
    }
    return ask(
        service -> {
          Optional<SearchResult> entry = entry(service, name);
          return entry.isEmpty() ? Optional.empty() : consoleUser(service, name, entry.get());
        });
  }

  /** No empty name, nothing over 256 characters, no control characters. */
  static boolean plausible(String name) {
    return name != null
        && !name.isBlank()
        && name.length() <= LONGEST_NAME
        && name.chars().noneMatch(Character::isISOControl);
  }

  private interface Question {
    Optional<DirectoryUser> ask(LdapContext service) throws NamingException;
  }

  private Optional<DirectoryUser> ask(Question question) throws DirectoryUnreachable {
    LdapContext service = null;
    try {
      service = connections.asService();
      return question.ask(service);
    } catch (NamingException e) {
      throw new DirectoryUnreachable(
          "The directory " + settings.url() + " did not answer: " + e, e);
    } finally {
      close(service);
    }
  }

  private Optional<SearchResult> entry(LdapContext service, String name) throws NamingException {
    SearchControls controls =
        new SearchControls(
            SearchControls.SUBTREE_SCOPE,
            2,
            (int) settings.readTimeout().toMillis(),
            new String[] {settings.organizationAttribute()},
            false,
            false);
    List<SearchResult> found = new ArrayList<>();
    NamingEnumeration<SearchResult> results =
        service.search(settings.userBase(), settings.userFilter(), new Object[] {name}, controls);
    try {
      while (results.hasMore()) {
        found.add(results.next());
      }
    } catch (SizeLimitExceededException more) {
      found.add(null); // more than two: refused below like two
    } finally {
      results.close();
    }
    if (found.size() > 1) {
      LOG.warning(
          "Console sign-in refused: the name "
              + name
              + " matches more than one entry under "
              + settings.userBase());
      return Optional.empty();
    }
    return found.stream().findFirst();
  }

  private String decoy() {
    return "cn=no-such-console-user," + settings.userBase();
  }

  private boolean passwordMatches(String dn, char[] password) throws NamingException {
    try {
      close(connections.as(dn, password));
      return true;
    } catch (AuthenticationException | NoPermissionException | OperationNotSupportedException e) {
      return false; // wrong password, or an account the directory will not let bind
    }
  }

  private Optional<DirectoryUser> consoleUser(LdapContext service, String name, SearchResult entry)
      throws NamingException {
    String dn = entry.getNameInNamespace();
    Optional<OrganizationId> organization = organization(entry);
    if (organization.isEmpty()) {
      LOG.info(
          "Console sign-in refused for "
              + dn
              + ": its attribute "
              + settings.organizationAttribute()
              + " does not hold exactly one valid organization id");
      return Optional.empty();
    }
    Set<String> roles = roles(service, dn);
    if (roles.isEmpty()) {
      LOG.info("Console sign-in refused for " + dn + ": in neither the admin nor operator group");
      return Optional.empty();
    }
    return Optional.of(new DirectoryUser(name, organization.get(), roles));
  }

  private Optional<OrganizationId> organization(SearchResult entry) throws NamingException {
    Attribute values = entry.getAttributes().get(settings.organizationAttribute());
    if (values == null || values.size() != 1 || !(values.get() instanceof String value)) {
      return Optional.empty();
    }
    return OrganizationId.isValid(value)
        ? Optional.of(new OrganizationId(value))
        : Optional.empty();
  }

  private Set<String> roles(LdapContext service, String dn) throws NamingException {
    SearchControls controls =
        new SearchControls(
            SearchControls.SUBTREE_SCOPE,
            MOST_GROUPS,
            (int) settings.readTimeout().toMillis(),
            new String[0],
            false,
            false);
    Set<String> roles = new HashSet<>();
    NamingEnumeration<SearchResult> groups =
        service.search(settings.groupBase(), settings.groupFilter(), new Object[] {dn}, controls);
    try {
      while (groups.hasMore()) {
        LdapName group = new LdapName(groups.next().getNameInNamespace());
        if (settings.adminGroup().filter(group::equals).isPresent()) {
          roles.add(Roles.ORG_ADMIN);
        }
        if (settings.operatorGroup().filter(group::equals).isPresent()) {
          roles.add(Roles.PLATFORM_OPERATOR);
        }
      }
    } catch (SizeLimitExceededException more) {
      LOG.warning(dn + " is in more than " + MOST_GROUPS + " groups; only those were read");
    } finally {
      groups.close();
    }
    return roles;
  }

  private static void close(LdapContext context) {
    if (context != null) {
      try {
        context.close();
      } catch (NamingException ignored) {
        // the connection is gone either way
      }
    }
  }
}

package io.claribi.app.console;

import java.io.IOException;
import java.util.Hashtable;
import java.util.Optional;
import javax.naming.CommunicationException;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.ldap.InitialLdapContext;
import javax.naming.ldap.LdapContext;
import javax.naming.ldap.StartTlsRequest;
import javax.naming.ldap.StartTlsResponse;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens connections to the directory with the JDK's JNDI LDAP provider: one per sign-in or lookup,
 * closed after it (no pool, nothing kept), with connect and read timeouts, over {@code ldaps://} or
 * StartTLS when configured, bound as the given DN or anonymously.
 */
final class DirectoryConnections {

  private final DirectorySettings settings;
  private final SSLSocketFactory startTlsSockets;

  /**
   * @param startTlsSockets the TLS sockets for StartTLS; null for the JVM's default (its trust
   *     store). Tests pass one that trusts their own certificate.
   */
  DirectoryConnections(DirectorySettings settings, SSLSocketFactory startTlsSockets) {
    this.settings = settings;
    this.startTlsSockets = startTlsSockets;
  }

  /** Bound as the service account, or anonymous when none is configured. */
  LdapContext asService() throws NamingException {
    return open(settings.bindDn(), settings.bindPassword().map(String::toCharArray));
  }

  /**
   * Bound as {@code dn} with {@code password}: throws {@link javax.naming.AuthenticationException}
   * when the directory refuses them. The caller refuses empty passwords first: LDAP treats a simple
   * bind with an empty password as an anonymous one.
   */
  LdapContext as(String dn, char[] password) throws NamingException {
    if (password.length == 0) {
      throw new IllegalArgumentException("an empty password is an unauthenticated bind");
    }
    return open(Optional.of(dn), Optional.of(password));
  }

  private LdapContext open(Optional<String> dn, Optional<char[]> password) throws NamingException {
    Hashtable<String, Object> environment = new Hashtable<>();
    environment.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
    environment.put(Context.PROVIDER_URL, settings.url());
    environment.put(Context.REFERRAL, "ignore");
    environment.put(
        "com.sun.jndi.ldap.connect.timeout", Long.toString(settings.connectTimeout().toMillis()));
    environment.put(
        "com.sun.jndi.ldap.read.timeout", Long.toString(settings.readTimeout().toMillis()));
    if (settings.startTls() || dn.isEmpty()) {
      environment.put(Context.SECURITY_AUTHENTICATION, "none"); // bound after StartTLS, if at all
    } else {
      credentials(environment, dn.get(), password.orElseThrow());
    }
    LdapContext context = new InitialLdapContext(environment, null);
    if (!settings.startTls()) {
      return context;
    }
    try {
      startTls(context);
      if (dn.isPresent()) {
        context.addToEnvironment(Context.SECURITY_AUTHENTICATION, "simple");
        context.addToEnvironment(Context.SECURITY_PRINCIPAL, dn.get());
        context.addToEnvironment(Context.SECURITY_CREDENTIALS, password.orElseThrow());
        context.reconnect(null); // binds over the same, now encrypted, connection
      }
      return context;
    } catch (NamingException | RuntimeException e) {
      context.close();
      throw e;
    }
  }

  private void startTls(LdapContext context) throws NamingException {
    StartTlsResponse tls = (StartTlsResponse) context.extendedOperation(new StartTlsRequest());
    try {
      if (startTlsSockets == null) {
        tls.negotiate();
      } else {
        tls.negotiate(startTlsSockets);
      }
    } catch (IOException e) {
      CommunicationException failed = new CommunicationException("StartTLS failed: " + e);
      failed.setRootCause(e);
      throw failed;
    }
  }

  private static void credentials(
      Hashtable<String, Object> environment, String dn, char[] password) {
    environment.put(Context.SECURITY_AUTHENTICATION, "simple");
    environment.put(Context.SECURITY_PRINCIPAL, dn);
    environment.put(Context.SECURITY_CREDENTIALS, password);
  }
}

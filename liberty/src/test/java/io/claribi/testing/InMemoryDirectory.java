package io.claribi.testing;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFReader;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocketFactory;

/**
 * An LDAP directory in memory (UnboundID), on a loopback port, holding the console's test users of
 * {@code dc=claribi,dc=test}: service account, people, and the admin and operator groups.
 */
public final class InMemoryDirectory implements AutoCloseable {

  public static final String BASE = "dc=claribi,dc=test";
  public static final String PEOPLE = "ou=people," + BASE;
  public static final String GROUPS = "ou=groups," + BASE;
  public static final String SERVICE = "cn=claribi-console," + BASE;
  public static final String SERVICE_PASSWORD = "service-secret";
  public static final String ADMINS = "cn=console-admins," + GROUPS;
  public static final String OPERATORS = "cn=console-operators," + GROUPS;

  /** An admin of {@code acme}, for the browser test. */
  public static final String ACME_ADMIN = "ada";

  public static final String ACME_ADMIN_PASSWORD = "ada-directory-password";

  private final InMemoryDirectoryServer server;

  private InMemoryDirectory(InMemoryDirectoryServer server) {
    this.server = server;
  }

  /** Plain LDAP on a free loopback port (or the given one). */
  public static InMemoryDirectory start(int port) throws LDAPException {
    return start(InMemoryListenerConfig.createLDAPConfig("ldap", loopback(), port, null));
  }

  /** Plain LDAP that offers StartTLS with the given server sockets. */
  public static InMemoryDirectory startWithStartTls(SSLSocketFactory serverSockets)
      throws LDAPException {
    return start(InMemoryListenerConfig.createLDAPConfig("ldap", loopback(), 0, serverSockets));
  }

  private static InMemoryDirectory start(InMemoryListenerConfig listener) throws LDAPException {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
    config.setListenerConfigs(listener);
    InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
    server.importFromLDIF(
        true, new LDIFReader(new ByteArrayInputStream(ENTRIES.getBytes(StandardCharsets.UTF_8))));
    server.startListening();
    return new InMemoryDirectory(server);
  }

  private static InetAddress loopback() {
    return InetAddress.getLoopbackAddress();
  }

  public int port() {
    return server.getListenPort();
  }

  public String url() {
    return "ldap://localhost:" + port();
  }

  /** Adds an admin of {@code organization} (a member of the console's admin group). */
  public void addAdmin(String uid, String password, String organization)
      throws LDAPException, com.unboundid.ldif.LDIFException {
    server.add(
        "dn: uid=" + uid + "," + PEOPLE,
        "objectClass: inetOrgPerson",
        "uid: " + uid,
        "cn: " + uid,
        "sn: " + uid,
        "userPassword: " + password,
        "o: " + organization);
    server.modify(
        "dn: " + ADMINS, "changetype: modify", "add: member", "member: uid=" + uid + "," + PEOPLE);
  }

  @Override
  public void close() {
    server.shutDown(true);
  }

  private static String person(String uid, String password, String... more) {
    return "dn: uid="
        + uid
        + ","
        + PEOPLE
        + "\nobjectClass: inetOrgPerson\nuid: "
        + uid
        + "\ncn: "
        + uid
        + "\nsn: "
        + uid
        + "\nuserPassword: "
        + password
        + "\n"
        + String.join("\n", more)
        + "\n\n";
  }

  private static final String ENTRIES =
      "dn: "
          + BASE
          + "\nobjectClass: domain\ndc: claribi\n\n"
          + "dn: "
          + SERVICE
          + "\nobjectClass: person\ncn: claribi-console\nsn: service\nuserPassword: "
          + SERVICE_PASSWORD
          + "\n\n"
          + "dn: "
          + PEOPLE
          + "\nobjectClass: organizationalUnit\nou: people\n\n"
          + "dn: ou=contractors,"
          + BASE
          + "\nobjectClass: organizationalUnit\nou: contractors\n\n"
          + "dn: "
          + GROUPS
          + "\nobjectClass: organizationalUnit\nou: groups\n\n"
          + person(ACME_ADMIN, ACME_ADMIN_PASSWORD, "o: acme")
          + person("otto", "otto-password", "o: platform")
          + person("bea", "bea-password", "o: acme")
          + person("nils", "nils-password", "o: acme")
          + person("noorg", "noorg-password")
          + person("badorg", "badorg-password", "o: Acme Corporation")
          + person("twoorgs", "twoorgs-password", "o: acme", "o: globex")
          + person("twin", "twin-password", "o: acme")
          + "dn: uid=twin,ou=contractors,"
          + BASE
          + "\nobjectClass: inetOrgPerson\nuid: twin\ncn: twin\nsn: twin\no: globex\n"
          + "userPassword: twin-password\n\n"
          + "dn: "
          + ADMINS
          + "\nobjectClass: groupOfNames\ncn: console-admins\n"
          + members(ACME_ADMIN, "bea", "noorg", "badorg", "twoorgs", "twin")
          + "\n"
          + "dn: "
          + OPERATORS
          + "\nobjectClass: groupOfNames\ncn: console-operators\n"
          + members("otto", "bea")
          + "\n"
          + "dn: cn=analysts,"
          + GROUPS
          + "\nobjectClass: groupOfNames\ncn: analysts\n"
          + members("nils")
          + "\n";

  private static String members(String... uids) {
    StringBuilder members = new StringBuilder();
    for (String uid : uids) {
      members.append("member: uid=").append(uid).append(',').append(PEOPLE).append('\n');
    }
    return members.toString();
  }
}

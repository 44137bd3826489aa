package io.claribi.app.console;

import static io.claribi.testing.InMemoryDirectory.ACME_ADMIN;
import static io.claribi.testing.InMemoryDirectory.ACME_ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import io.claribi.platform.api.OrganizationId;
import io.claribi.platform.api.Roles;
import io.claribi.testing.InMemoryDirectory;
import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Search-then-bind against an in-memory directory (UnboundID); see decision 27. */
class DirectoryTest {

  private static InMemoryDirectory directory;
  private static Directory cut;
  private static final char[] PIN = "directory-test".toCharArray();
  private static File keyStore;

  @BeforeAll
  static void startDirectory() throws Exception {
    directory = InMemoryDirectory.start(0);
    cut = new Directory(settings(directory.url(), Map.of()));
  }

  @AfterAll
  static void stopDirectory() {
    directory.close();
  }

  /** The settings an operator would give, with some keys replaced. */
  static DirectorySettings settings(String url, Map<String, String> replaced) {
    Map<String, String> values = new HashMap<>();
    values.put("url", url);
    values.put("bind-dn", InMemoryDirectory.SERVICE);
    values.put("bind-password", InMemoryDirectory.SERVICE_PASSWORD);
    values.put("user-base", InMemoryDirectory.PEOPLE);
    values.put("group-base", InMemoryDirectory.GROUPS);
    values.put("admin-group", InMemoryDirectory.ADMINS);
    values.put("operator-group", InMemoryDirectory.OPERATORS);
    values.put("connect-timeout", "PT2S");
    values.put("read-timeout", "PT1S");
    values.putAll(replaced);
    return DirectorySettings.read(
            key ->
                Optional.ofNullable(values.get(key.substring(DirectorySettings.PREFIX.length()))))
        .orElseThrow();
  }

  @Test
  void the_right_password_signs_in_with_the_organization_and_role_from_the_directory()
      throws Exception {
    assertThat(cut.signIn(ACME_ADMIN, ACME_ADMIN_PASSWORD.toCharArray()))
        .contains(
            new DirectoryUser(ACME_ADMIN, new OrganizationId("acme"), Set.of(Roles.ORG_ADMIN)));
    assertThat(cut.signIn("otto", "otto-password".toCharArray()))
        .contains(
            new DirectoryUser(
                "otto", new OrganizationId("platform"), Set.of(Roles.PLATFORM_OPERATOR)));
  }

  @Test
  void a_member_of_both_groups_gets_both_roles() throws Exception {
    assertThat(cut.signIn("bea", "bea-password".toCharArray()))
        .map(DirectoryUser::roles)
        .contains(Set.of(Roles.ORG_ADMIN, Roles.PLATFORM_OPERATOR));
  }

  @Test
  void a_wrong_password_is_refused() throws Exception {
    assertThat(cut.signIn(ACME_ADMIN, "not-the-password".toCharArray())).isEmpty();
    assertThat(cut.signIn(ACME_ADMIN, "bea-password".toCharArray())).isEmpty();
  }

  @Test
  void an_empty_password_is_refused_not_taken_for_an_anonymous_bind() throws Exception {
    assertThat(cut.signIn(ACME_ADMIN, new char[0])).isEmpty();
    assertThat(cut.signIn(ACME_ADMIN, null)).isEmpty();
  }

  @Test
  void an_unknown_user_is_refused() throws Exception {
    assertThat(cut.signIn("mallory", "mallory-password".toCharArray())).isEmpty();
    assertThat(cut.find("mallory")).isEmpty();
  }

  @Test
  void filter_metacharacters_in_the_name_match_only_themselves() throws Exception {
    for (String name : new String[] {"*", "a*", ")(uid=*", ACME_ADMIN + ")(uid=*", "*)(o=acme"}) {
      assertThat(cut.signIn(name, ACME_ADMIN_PASSWORD.toCharArray())).as(name).isEmpty();
      assertThat(cut.find(name)).as(name).isEmpty();
    }
  }

  @Test
  void names_with_control_characters_are_refused_without_asking() throws Exception {
    assertThat(cut.signIn(ACME_ADMIN + "\n", ACME_ADMIN_PASSWORD.toCharArray())).isEmpty();
    assertThat(cut.signIn(ACME_ADMIN + "\u0000", ACME_ADMIN_PASSWORD.toCharArray())).isEmpty();
    assertThat(cut.signIn(" ", ACME_ADMIN_PASSWORD.toCharArray())).isEmpty();
  }

  @Test
  void a_name_two_entries_match_is_refused() throws Exception {
    Directory wholeTree =
        new Directory(settings(directory.url(), Map.of("user-base", InMemoryDirectory.BASE)));

    assertThat(wholeTree.signIn("twin", "twin-password".toCharArray())).isEmpty();
    assertThat(wholeTree.find("twin")).isEmpty();
    assertThat(wholeTree.signIn(ACME_ADMIN, ACME_ADMIN_PASSWORD.toCharArray())).isPresent();
  }

  @Test
  void a_user_without_exactly_one_valid_organization_is_refused() throws Exception {
    assertThat(cut.signIn("noorg", "noorg-password".toCharArray())).isEmpty();
    assertThat(cut.signIn("badorg", "badorg-password".toCharArray())).isEmpty();
    assertThat(cut.signIn("twoorgs", "twoorgs-password".toCharArray())).isEmpty();
  }

  @Test
  void a_user_in_neither_group_is_refused() throws Exception {
    assertThat(cut.signIn("nils", "nils-password".toCharArray())).isEmpty();
    assertThat(cut.find("nils")).isEmpty();
  }

  @Test
  void a_later_request_finds_the_user_without_a_password() throws Exception {
    assertThat(cut.find(ACME_ADMIN))
        .map(DirectoryUser::organization)
        .contains(new OrganizationId("acme"));
  }

  @Test
  void group_names_compare_as_distinguished_names_not_as_text() throws Exception {
    Directory shouting =
        new Directory(
            settings(
                directory.url(),
                Map.of("admin-group", "CN=Console-Admins, OU=Groups, DC=claribi, DC=test")));

    assertThat(shouting.signIn(ACME_ADMIN, ACME_ADMIN_PASSWORD.toCharArray())).isPresent();
  }

  @Test
  void an_anonymous_search_works_when_no_service_account_is_given() throws Exception {
    Map<String, String> anonymous = new HashMap<>();
    anonymous.put("bind-dn", "");
    anonymous.put("bind-password", "");
    Directory withoutServiceAccount = new Directory(settings(directory.url(), anonymous));

    assertThat(withoutServiceAccount.signIn(ACME_ADMIN, ACME_ADMIN_PASSWORD.toCharArray()))
        .isPresent();
    assertThat(withoutServiceAccount.signIn(ACME_ADMIN, "wrong".toCharArray())).isEmpty();
  }

  @Test
  void a_refused_service_account_is_a_directory_problem_not_a_wrong_password() {
    Directory misconfigured =
        new Directory(settings(directory.url(), Map.of("bind-password", "stale-secret")));

    assertThatThrownBy(() -> misconfigured.signIn(ACME_ADMIN, ACME_ADMIN_PASSWORD.toCharArray()))
        .isInstanceOf(DirectoryUnreachable.class);
  }

  @Test
  void a_directory_that_is_down_fails_clearly_and_at_once() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    Directory down = new Directory(settings("ldap://127.0.0.1:" + closedPort, Map.of()));

    long started = System.nanoTime();
    assertThatThrownBy(() -> down.signIn(ACME_ADMIN, ACME_ADMIN_PASSWORD.toCharArray()))
        .isInstanceOf(DirectoryUnreachable.class)
        .hasMessageContaining("did not answer");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void a_directory_that_never_answers_fails_after_the_read_timeout() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Directory hanging =
          new Directory(settings("ldap://127.0.0.1:" + silent.getLocalPort(), Map.of()));

      long started = System.nanoTime();
      assertThatThrownBy(() -> hanging.find(ACME_ADMIN)).isInstanceOf(DirectoryUnreachable.class);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
    }
  }

  @Test
  void start_tls_protects_the_search_and_the_bind() throws Exception {
    try (InMemoryDirectory tls = InMemoryDirectory.startWithStartTls(serverSockets())) {
      Directory overTls =
          new Directory(settings(tls.url(), Map.of("start-tls", "true")), clientSockets());

      assertThat(overTls.signIn(ACME_ADMIN, ACME_ADMIN_PASSWORD.toCharArray()))
          .map(DirectoryUser::organization)
          .contains(new OrganizationId("acme"));
      assertThat(overTls.signIn(ACME_ADMIN, "not-the-password".toCharArray())).isEmpty();
      assertThat(overTls.find("bea")).isPresent();
    }
  }

  @Test
  void start_tls_checks_that_the_certificate_names_the_directory_host() throws Exception {
    try (InMemoryDirectory tls = InMemoryDirectory.startWithStartTls(serverSockets())) {
      Directory byAddress =
          new Directory(
              settings("ldap://127.0.0.1:" + tls.port(), Map.of("start-tls", "true")),
              clientSockets());

      assertThatThrownBy(() -> byAddress.signIn(ACME_ADMIN, ACME_ADMIN_PASSWORD.toCharArray()))
          .isInstanceOf(DirectoryUnreachable.class)
          .hasMessageContaining("StartTLS failed");
    }
  }

  /** A certificate for {@code localhost} only (not 127.0.0.1), made by the JDK's keytool. */
  private static File certificate() throws Exception {
    if (keyStore == null) {
      File file = File.createTempFile("directory-test", ".p12");
      file.delete();
      file.deleteOnExit();
      Process keytool =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                  "-genkeypair",
                  "-alias",
                  "ldap",
                  "-keyalg",
                  "EC",
                  "-groupname",
                  "secp256r1",
                  "-dname",
                  "CN=localhost",
                  "-ext",
                  "SAN=dns:localhost",
                  "-validity",
                  "2",
                  "-storetype",
                  "PKCS12",
                  "-keystore",
                  file.getPath(),
                  "-storepass",
                  new String(PIN),
                  "-keypass",
                  new String(PIN))
              .inheritIO()
              .start();
      assertThat(keytool.waitFor()).isZero();
      keyStore = file;
    }
    return keyStore;
  }

  private static SSLSocketFactory serverSockets() throws Exception {
    return new SSLUtil(new KeyStoreKeyManager(certificate(), PIN, "PKCS12", null), null)
        .createSSLSocketFactory();
  }

  private static SSLSocketFactory clientSockets() throws Exception {
    return new SSLUtil(new TrustStoreTrustManager(certificate(), PIN, "PKCS12", true))
        .createSSLSocketFactory();
  }

  @Test
  void start_tls_to_a_directory_without_it_fails_rather_than_sending_the_password_in_clear() {
    Directory insisting = new Directory(settings(directory.url(), Map.of("start-tls", "true")));

    assertThatThrownBy(() -> insisting.signIn(ACME_ADMIN, ACME_ADMIN_PASSWORD.toCharArray()))
        .isInstanceOf(DirectoryUnreachable.class);
  }
}

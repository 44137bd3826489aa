package io.claribi.credentials.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claribi.credentials.api.ClientSecret;
import io.claribi.credentials.api.ClientSecretId;
import io.claribi.credentials.api.ClientSecretVault;
import io.claribi.credentials.api.Credential;
import io.claribi.credentials.api.CredentialVault;
import io.claribi.credentials.api.InvalidCredentialCiphertextException;
import io.claribi.credentials.api.LentClientSecret;
import io.claribi.credentials.api.NoCredentialException;
import io.claribi.credentials.api.TokenSet;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.OrganizationId;
import it.io.claribi.LibertyServer;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.TransactionalException;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The vault inside Liberty, on the configured database: what reaches the tables, who can open it,
 * and what happens to a row that someone changed behind the application's back.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CredentialVaultContainerIT {

  /** The shape of every token these tests store: "at-" or "rt-" and a random UUID. */
  private static final Pattern TEST_TOKEN =
      Pattern.compile("\\b(at|rt)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  @Deployment
  static WebArchive deployment() {
    return ProductWar.with(
        "credentials-it.war",
        CredentialVaultContainerIT.class,
        ActingCaller.class,
        SpecFernet.class,
        DatabaseDump.class,
        UnreadableCredentials.class);
  }

  @Inject CredentialVault vault;
  @Inject ClientSecretVault clientSecrets;
  @Inject ActingCaller caller;
  @Inject UserTransaction tx;
  @Inject UnreadableCredentials unreadable;

  @Test
  void no_token_and_no_key_appears_in_any_column_and_an_independent_fernet_opens_the_rows()
      throws Exception {
    Map<ConnectionId, TokenSet> stored = new HashMap<>();
    for (OrganizationId organization : List.of(fresh("dump-a"), fresh("dump-b"))) {
      caller.actFor(organization);
      for (int i = 0; i < 3; i++) {
        ConnectionId connection = ConnectionId.random();
        TokenSet tokens = tokens();
        vault.store(connection, tokens);
        stored.put(connection, tokens);
      }
    }

    String dump = String.join("\n", DatabaseDump.everything());
    for (TokenSet tokens : stored.values()) {
      assertThat(dump).doesNotContain(tokens.accessToken(), tokens.refreshToken().orElseThrow());
    }
    for (String key : keyFileKeys()) {
      byte[] raw = Base64.getUrlDecoder().decode(key);
      assertThat(dump)
          .doesNotContain(key)
          .doesNotContain(Base64.getEncoder().encodeToString(raw))
          .doesNotContainIgnoringCase(HexFormat.of().formatHex(raw))
          .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
    }

    for (var entry : stored.entrySet()) {
      String ciphertext = ciphertextOf(entry.getKey());
      JsonObject opened = openIndependently(ciphertext);
      assertThat(opened.getString("access_token")).isEqualTo(entry.getValue().accessToken());
      assertThat(opened.getString("refresh_token"))
          .isEqualTo(entry.getValue().refreshToken().orElseThrow());
    }
  }

  @Test
  void a_credential_opens_for_its_organization_only_and_is_withdrawn_after_the_callback()
      throws Exception {
    OrganizationId a = fresh("use-a");
    ConnectionId connection = ConnectionId.random();
    TokenSet tokens = tokens();
    caller.actFor(a);
    vault.store(connection, tokens);
    AtomicReference<Credential> kept = new AtomicReference<>();

    String bearer =
        vault.use(
            connection,
            credential -> {
              kept.set(credential);
              return credential.tokenType() + " " + credential.accessToken();
            });

    assertThat(bearer).isEqualTo("Bearer " + tokens.accessToken());
    assertThatThrownBy(() -> kept.get().accessToken())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("only inside");
    assertThat(kept.get().toString()).doesNotContain(tokens.accessToken());

    caller.actFor(fresh("use-b"));
    assertThatThrownBy(() -> vault.use(connection, Credential::accessToken))
        .isInstanceOf(NoCredentialException.class);
    assertThat(vault.describe(connection)).isEmpty();
  }

  @Test
  void a_refresh_replaces_the_token_set_in_place() throws Exception {
    caller.actFor(fresh("refresh"));
    ConnectionId connection = ConnectionId.random();
    vault.store(connection, tokens());
    TokenSet refreshed = tokens();

    vault.store(connection, refreshed);

    assertThat(vault.use(connection, Credential::accessToken)).isEqualTo(refreshed.accessToken());
  }

  @Test
  void delete_joins_the_callers_transaction_and_rolls_back_with_it() throws Exception {
    caller.actFor(fresh("delete"));
    ConnectionId connection = ConnectionId.random();
    vault.store(connection, tokens());

    assertThatThrownBy(() -> vault.delete(connection))
        .as("a delete outside a transaction could leave the connection behind")
        .isInstanceOf(TransactionalException.class);

    tx.begin();
    assertThat(vault.delete(connection)).isTrue();
    tx.rollback();
    assertThat(vault.describe(connection)).isPresent();

    tx.begin();
    assertThat(vault.delete(connection)).isTrue();
    tx.commit();
    assertThat(vault.describe(connection)).isEmpty();
    assertThat(rowCount(connection)).isZero();
  }

  @Test
  void a_tampered_or_swapped_row_fails_as_invalid_ciphertext_and_is_reported() throws Exception {
    OrganizationId a = fresh("tamper-a");
    OrganizationId b = fresh("tamper-b");
    ConnectionId ofA = ConnectionId.random();
    ConnectionId ofB = ConnectionId.random();
    caller.actFor(a);
    vault.store(ofA, tokens());
    caller.actFor(b);
    vault.store(ofB, tokens());

    String original = ciphertextOf(ofB);
    int middle = original.length() / 2;
    char flipped = original.charAt(middle) == 'A' ? 'B' : 'A';
    setCiphertext(ofB, original.substring(0, middle) + flipped + original.substring(middle + 1));
    assertThatThrownBy(() -> vault.use(ofB, Credential::accessToken))
        .isExactlyInstanceOf(InvalidCredentialCiphertextException.class);

    setCiphertext(ofB, ciphertextOf(ofA));
    assertThatThrownBy(() -> vault.use(ofB, Credential::accessToken))
        .isExactlyInstanceOf(InvalidCredentialCiphertextException.class)
        .hasMessageContaining("another connection");

    assertThat(unreadable.seen())
        .filteredOn(event -> event.connection().equals(ofB))
        .extracting(event -> event.organization().value() + "/" + event.code())
        .containsExactly(
            b.value() + "/CREDENTIAL_CIPHERTEXT_INVALID",
            b.value() + "/CREDENTIAL_CIPHERTEXT_INVALID");

    // A damaged row would hold its key in the ring through every later rotation: remove it.
    tx.begin();
    vault.delete(ofB);
    tx.commit();
  }

  @Test
  void a_client_secret_is_sealed_at_rest_and_lent_only_to_its_organization() throws Exception {
    OrganizationId a = fresh("client-a");
    String issuer = "https://auth-" + UUID.randomUUID() + ".example.com";
    String secret = "cs-" + UUID.randomUUID();
    caller.actFor(a);
    clientSecrets.keep(new ClientSecret(issuer, "client-a", "client_secret_basic", "old"));
    clientSecrets.keep(new ClientSecret(issuer, "client-a", "client_secret_basic", secret));

    assertThat(DatabaseDump.containing(secret, "\"old\"")).isEmpty();
    AtomicReference<LentClientSecret> kept = new AtomicReference<>();
    assertThat(
            clientSecrets.use(
                new ClientSecretId(issuer),
                lent -> {
                  kept.set(lent);
                  return lent.secret();
                }))
        .contains(secret);
    assertThatThrownBy(() -> kept.get().secret()).isInstanceOf(IllegalStateException.class);

    caller.actFor(fresh("client-b"));
    assertThat(clientSecrets.use(new ClientSecretId(issuer), LentClientSecret::clientId)).isEmpty();
  }

  @Test
  @Order(100)
  @RunAsClient
  void no_token_ciphertext_or_key_appears_in_any_server_log() throws Exception {
    String logs = LibertyServer.underTest().allLogs();

    assertThat(TEST_TOKEN.matcher(logs).results().map(m -> m.group()).toList()).isEmpty();
    assertThat(logs).as("a Fernet token (ciphertext) in the logs").doesNotContain("gAAAAA");
    Path keyFile =
        Path.of(
            System.getProperty("claribi.server.dir", "target/liberty/wlp/usr/servers/claribi"),
            "resources/security/dev-credentials.keys");
    for (String line : Files.readAllLines(keyFile)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        assertThat(logs).doesNotContain(line.strip());
      }
    }
  }

  private static OrganizationId fresh(String prefix) {
    return new OrganizationId(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
  }

  private static TokenSet tokens() {
    return new TokenSet(
        "at-" + UUID.randomUUID(),
        Optional.of("rt-" + UUID.randomUUID()),
        Optional.of(Instant.now().plus(1, ChronoUnit.HOURS)),
        Set.of("read", "search"),
        "Bearer");
  }

  private static List<String> keyFileKeys() throws Exception {
    Path file =
        Path.of(
            ConfigProvider.getConfig().getValue("claribi.credentials.dev-key.file", String.class));
    List<String> keys = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        keys.add(line.strip());
      }
    }
    assertThat(keys).isNotEmpty();
    return keys;
  }

  private static JsonObject openIndependently(String ciphertext) throws Exception {
    for (String key : keyFileKeys()) {
      Optional<byte[]> plaintext = SpecFernet.open(key, ciphertext);
      if (plaintext.isPresent()) {
        return Json.createReader(new ByteArrayInputStream(plaintext.get())).readObject();
      }
    }
    throw new AssertionError("no key of the key file opens the stored ciphertext");
  }

  private static String ciphertextOf(ConnectionId connection) throws Exception {
    try (Connection db = DatabaseDump.dataSource().getConnection();
        PreparedStatement query =
            db.prepareStatement("SELECT ciphertext FROM credentials WHERE connection_id = ?")) {
      query.setString(1, connection.toString());
      try (ResultSet row = query.executeQuery()) {
        assertThat(row.next()).isTrue();
        return row.getString(1);
      }
    }
  }

  private static void setCiphertext(ConnectionId connection, String ciphertext) throws Exception {
    try (Connection db = DatabaseDump.dataSource().getConnection();
        PreparedStatement update =
            db.prepareStatement("UPDATE credentials SET ciphertext = ? WHERE connection_id = ?")) {
      update.setString(1, ciphertext);
      update.setString(2, connection.toString());
      assertThat(update.executeUpdate()).isOne();
    }
  }

  private static int rowCount(ConnectionId connection) throws Exception {
    try (Connection db = DatabaseDump.dataSource().getConnection();
        PreparedStatement query =
            db.prepareStatement("SELECT COUNT(*) FROM credentials WHERE connection_id = ?")) {
      query.setString(1, connection.toString());
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }
}

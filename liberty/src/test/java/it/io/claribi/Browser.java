package it.io.claribi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven through the Debian chromedriver, with a fresh profile each
 * time. Nothing is downloaded: a machine without the two packages fails the test with a message.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final ChromeDriver driver;
  private final Path profile;

  /** Where downloads land, when opened with {@link #openWithDownloads()}; otherwise null. */
  private final Path downloads;

  private Browser(ChromeDriver driver, Path profile, Path downloads) {
    this.driver = driver;
    this.profile = profile;
    this.downloads = downloads;
  }

  static Browser open() throws IOException {
    return open(false);
  }

  /** The same browser, saving downloads without asking into a fresh folder of its own. */
  static Browser openWithDownloads() throws IOException {
    return open(true);
  }

  private static Browser open(boolean withDownloads) throws IOException {
    requireInstalled(CHROMIUM);
    requireInstalled(CHROMEDRIVER);
    Path profile = Files.createTempDirectory("console-it-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    Path downloads = null;
    if (withDownloads) {
      downloads = Files.createTempDirectory("console-it-downloads");
      options.setExperimentalOption(
          "prefs",
          java.util.Map.of(
              "download.default_directory", downloads.toString(),
              "download.prompt_for_download", false,
              "download.directory_upgrade", true,
              "safebrowsing.enabled", false));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    if (downloads != null) {
      driver.executeCdpCommand(
          "Browser.setDownloadBehavior",
          java.util.Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }
    return new Browser(driver, profile, downloads);
  }

  private static void requireInstalled(Path executable) {
    if (!Files.isExecutable(executable)) {
      throw new AssertionError(
          executable
              + " is missing: the console's browser tests need the Debian packages chromium and"
              + " chromium-driver (apt-get install chromium chromium-driver)");
    }
  }

  void visit(String path) {
    driver.get(Api.BASE + path);
  }

  /**
   * The element, waiting up to 20 s for it (the implicit wait is 5 s, which a loaded machine can
   * exceed); a timeout names the page the browser is on.
   */
  WebElement await(By locator) {
    return new WebDriverWait(driver, Duration.ofSeconds(20))
        .withMessage(() -> "on " + driver.getCurrentUrl() + " titled '" + driver.getTitle() + "'")
        .until(ExpectedConditions.presenceOfElementLocated(locator));
  }

  void awaitPath(String path) {
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(ExpectedConditions.urlContains(Api.BASE + path));
  }

  /**
   * Clicks an element that submits a form or follows a link, and waits until the browser has
   * replaced the page. Without the wait a check right after the click can still see the old page
   * (chromedriver does not always wait for a navigation the click started).
   */
  void submit(WebElement element) {
    WebElement page = driver.findElement(By.tagName("html"));
    element.click();
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(driver -> isGone(page));
  }

  /**
   * {@link ExpectedConditions#stalenessOf}, also when Chromium answers for a node of the replaced
   * page with "does not belong to the document" instead of a stale element reference.
   */
  private static boolean isGone(WebElement element) {
    try {
      return ExpectedConditions.stalenessOf(element).apply(null);
    } catch (WebDriverException e) {
      if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  void submit(By locator) {
    submit(driver.findElement(locator));
  }

  /** The text of the element with this id, without surrounding white space. */
  String text(String id) {
    return driver.findElement(By.id(id)).getText().strip();
  }

  String path() {
    return driver.getCurrentUrl().substring(Api.BASE.length());
  }

  /** The browser's cookies for this server as a Cookie request header. */
  String cookieHeader() {
    return driver.manage().getCookies().stream()
        .map(cookie -> cookie.getName() + "=" + cookie.getValue())
        .collect(Collectors.joining("; "));
  }

  Cookie cookie(String name) {
    Cookie cookie = driver.manage().getCookieNamed(name);
    if (cookie == null) {
      throw new AssertionError("no cookie " + name + " in " + driver.manage().getCookies());
    }
    return cookie;
  }

  /**
   * Clicks an element whose answer is a download (the page stays), and waits for the new file whose
   * name ends with {@code suffix} to be complete.
   */
  Path download(WebElement element, String suffix) throws IOException, InterruptedException {
    if (downloads == null) {
      throw new IllegalStateException("open the browser with Browser.openWithDownloads()");
    }
    java.util.Set<Path> earlier;
    try (Stream<Path> files = Files.list(downloads)) {
      earlier = files.collect(Collectors.toSet());
    }
    element.click();
    // Chromium names the final file before it writes it: an empty placeholder appears at once and
    // the content arrives in a *.crdownload beside it, renamed over the placeholder at the end. A
    // download is complete when its file is not empty, no *.crdownload is left, and its size held
    // still between two looks.
    java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
    Path candidate = null;
    long size = -1;
    while (java.time.Instant.now().isBefore(deadline)) {
      List<Path> fresh;
      try (Stream<Path> files = Files.list(downloads)) {
        fresh = files.filter(file -> !earlier.contains(file)).toList();
      }
      boolean writing =
          fresh.stream().anyMatch(file -> file.getFileName().toString().endsWith(".crdownload"));
      var done =
          fresh.stream().filter(file -> file.getFileName().toString().endsWith(suffix)).findFirst();
      if (done.isPresent() && !writing) {
        long now;
        try {
          now = Files.size(done.get());
        } catch (java.nio.file.NoSuchFileException renamedMeanwhile) {
          continue;
        }
        if (now > 0 && done.get().equals(candidate) && now == size) {
          return candidate;
        }
        candidate = done.get();
        size = now;
      }
      Thread.sleep(100);
    }
    try (Stream<Path> files = Files.list(downloads)) {
      throw new AssertionError(
          "no complete *" + suffix + " download within 30 s; the folder holds " + files.toList());
    }
  }

  void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      delete(profile);
      if (downloads != null) {
        delete(downloads);
      }
    }
  }

  private static void delete(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

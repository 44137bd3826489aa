package it.io.claribi;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * What every browser test of the console needs, once: the server answering before the class's first
 * test; for each test a fresh headless Chromium ({@link Browser}), signed in when asked, in the
 * test's {@code Browser} field (opened before the test) or parameter (opened when resolved); a
 * screenshot of the page when the test fails ({@code target/screenshots/failed-*.png}); and the
 * browser closed after the test.
 *
 * <p>{@code @ExtendWith(BrowserExtension.class)} for a browser that is not signed in, or a static
 * {@code @RegisterExtension} field from {@link #signedInAs} or {@link #withDownloads()}.
 */
final class BrowserExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

  /** On a busy machine the first answers after a server start can take this long. */
  static final Duration SERVER_START = Duration.ofSeconds(180);

  private static final Namespace NAMESPACE = Namespace.create(BrowserExtension.class);

  private final boolean downloads;
  private final String user;
  private final String password;

  /** A browser that is not signed in. */
  BrowserExtension() {
    this(false, null, null);
  }

  private BrowserExtension(boolean downloads, String user, String password) {
    this.downloads = downloads;
    this.user = user;
    this.password = password;
  }

  /** A browser signed in to the console, on its home page, when the test starts. */
  static BrowserExtension signedInAs(String user, String password) {
    return new BrowserExtension(false, user, password);
  }

  /** A browser that saves downloads ({@link Browser#download}), not signed in. */
  static BrowserExtension withDownloads() {
    return new BrowserExtension(true, null, null);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws InterruptedException {
    Api.awaitTokensAccepted(SERVER_START);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    Object test = context.getRequiredTestInstance();
    List<Field> fields =
        ReflectionSupport.findFields(
            test.getClass(),
            field -> field.getType() == Browser.class && !Modifier.isStatic(field.getModifiers()),
            HierarchyTraversalMode.TOP_DOWN);
    for (Field field : fields) {
      field.setAccessible(true);
      field.set(test, browser(context));
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Browser.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return browser(context);
  }

  /** The test's browser, opened (and signed in) on first use. */
  private Browser browser(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    Browser browser = store.get(Browser.class, Browser.class);
    if (browser == null) {
      try {
        browser = downloads ? Browser.openWithDownloads() : Browser.open();
      } catch (IOException e) {
        throw new IllegalStateException("cannot open the browser", e);
      }
      // Stored before signing in, so a failed sign-in is photographed and the browser closed.
      store.put(Browser.class, browser);
      if (user != null) {
        ConsoleSignIn.as(browser, user, password);
      }
    }
    return browser;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Browser browser = context.getStore(NAMESPACE).remove(Browser.class, Browser.class);
    if (browser == null) {
      return;
    }
    try {
      if (context.getExecutionException().isPresent()) {
        browser.screenshot("failed-" + name(context));
      }
    } catch (IOException | RuntimeException e) {
      // The failure matters more than its picture (the browser may be what failed).
      System.err.println("no screenshot of the failed test " + name(context) + ": " + e);
    } finally {
      browser.close();
    }
  }

  /** The class and test, with the arguments of a parameterized test, fit for a file name. */
  private static String name(ExtensionContext context) {
    String test = context.getRequiredTestMethod().getName();
    String display = context.getDisplayName();
    if (!display.startsWith(test + "(")) {
      test += "-" + display;
    }
    return (context.getRequiredTestClass().getSimpleName() + "-" + test)
        .replaceAll("[^A-Za-z0-9_-]+", "-");
  }
}

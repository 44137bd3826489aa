package io.claribi.demovendor;

import io.claribi.demovendor.auth.AccessTokens;
import io.claribi.demovendor.auth.AuthorizationServer;
import io.claribi.demovendor.auth.BearerTokenFilter;
import io.claribi.demovendor.auth.ProtectedResourceMetadata;
import io.claribi.demovendor.control.ControlServlet;
import io.claribi.demovendor.control.RequestLog;
import io.claribi.demovendor.control.RequestLogFilter;
import io.claribi.demovendor.faults.FaultFilter;
import io.claribi.demovendor.tools.AcmeServer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;
import reactor.core.scheduler.Schedulers;

/**
 * Starts Acme Payments with the application and stops it with it: the authorization server, the MCP
 * server, and the filters in front of it, in this order: request log, bearer token, faults.
 */
@WebListener
public class DemoVendor implements ServletContextListener {

  static final int REQUEST_LOG_CAPACITY = 10_000;
  private static final Logger LOG = Logger.getLogger(DemoVendor.class.getName());
  private static final String[] MCP_PATHS = {"/mcp", AcmeServer.STATELESS_PATH, "/faults/*"};

  private AuthorizationServer authorizationServer;
  private AcmeServer acme;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    DemoVendorConfig config = DemoVendorConfig.load();
    authorizationServer =
        new AuthorizationServer(
            config.authPort(), config.tokenLifetimeSeconds(), AuthorizationServer.grantsFile());
    authorizationServer.start();
    String issuer = authorizationServer.issuer();
    acme = new AcmeServer();
    RequestLog log = new RequestLog(REQUEST_LOG_CAPACITY);

    ServletContext context = event.getServletContext();
    filter(context, "request-log", new RequestLogFilter(log), MCP_PATHS);
    filter(
        context,
        "bearer-token",
        new BearerTokenFilter(AccessTokens.fromJwks(issuer, authorizationServer.jwksUri())),
        MCP_PATHS);
    filter(context, "faults", new FaultFilter(), "/faults/*");
    servlet(context, "mcp", acme.transport(), "/mcp");
    servlet(context, "mcp-2026", acme.statelessTransport2026(), AcmeServer.STATELESS_PATH);
    // Each fault path in either revision: .../mcp is the sessions' server, .../mcp-2026 the other.
    servlet(
        context,
        "faults",
        new ByRevision(acme.transport(), acme.statelessTransport2026()),
        "/faults/*");
    context
        .addServlet("protected-resource-metadata", new ProtectedResourceMetadata(issuer))
        .addMapping("/.well-known/oauth-protected-resource");
    context
        .addServlet(
            "control", new ControlServlet(config.controlEnabled(), log, acme, authorizationServer))
        .addMapping("/control/*");
    LOG.info(
        () ->
            "Acme Payments demo vendor: issuer "
                + issuer
                + ", control endpoints "
                + (config.controlEnabled() ? "enabled" : "disabled"));
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    if (acme != null) {
      acme.close();
    }
    if (authorizationServer != null) {
      authorizationServer.stop();
    }
    // Reactor's scheduler threads would outlive the application and hold its class loader.
    Schedulers.shutdownNow();
  }

  private static void servlet(
      ServletContext context, String name, jakarta.servlet.Servlet servlet, String path) {
    ServletRegistration.Dynamic registration = context.addServlet(name, servlet);
    registration.setAsyncSupported(true); // the 2025 transport answers as server-sent events
    registration.setLoadOnStartup(1);
    registration.addMapping(path);
  }

  private static void filter(ServletContext context, String name, Filter filter, String... paths) {
    FilterRegistration.Dynamic registration = context.addFilter(name, filter);
    registration.setAsyncSupported(true);
    registration.addMappingForUrlPatterns(null, true, paths);
  }
}

package io.claribi.catalog.boundary;

import io.claribi.catalog.control.CatalogFile;
import io.claribi.platform.api.StartupOrder;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Applies the catalog file shipped in the catalog jar at start, once the schema is migrated, when
 * its version is newer than the newest one this database has applied. A broken file stops the
 * start; a version another node is applying at the same moment is left to that node.
 */
@ApplicationScoped
public class CatalogFileImport {

  private static final Logger LOG = Logger.getLogger(CatalogFileImport.class.getName());

  @Inject FileApplication application;
  @Inject Config config;

  void onStart(@Observes @Priority(StartupOrder.REFERENCE_DATA) Startup startup) {
    importFile(read());
  }

  CatalogFile read() {
    try (InputStream in =
        CatalogFile.class.getClassLoader().getResourceAsStream(CatalogFile.RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the catalog jar lacks " + CatalogFile.RESOURCE);
      }
      return CatalogFile.read(in, key -> config.getOptionalValue(key, String.class));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + CatalogFile.RESOURCE, e);
    }
  }

  /** Applies the file unless this database already has its version (or a newer one). */
  public void importFile(CatalogFile file) {
    try {
      LOG.info(application.apply(file));
    } catch (PersistenceException | TransactionalException e) {
      if (application.newestVersion().orElse(0) >= file.version()) {
        LOG.info(() -> "Catalog file v" + file.version() + " was applied by another node.");
        return;
      }
      throw e;
    }
  }
}

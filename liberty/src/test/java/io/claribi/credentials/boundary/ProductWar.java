package io.claribi.credentials.boundary;

import io.claribi.testing.InContainerWar;
import java.io.File;
import java.net.URISyntaxException;
import org.assertj.core.api.Assertions;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The built product WAR plus the in-container test classes and AssertJ. */
public final class ProductWar {

  private ProductWar() {}

  public static WebArchive with(String name, Class<?>... testClasses) {
    return InContainerWar.scanned(
            ShrinkWrap.create(ZipImporter.class, name)
                .importFrom(new File("target/claribi.war"))
                .as(WebArchive.class))
        .addClass(InContainerWar.class)
        .addClasses(testClasses)
        .addClass(ProductWar.class)
        .addAsLibrary(jarOf(Assertions.class));
  }

  private static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

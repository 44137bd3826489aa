package io.claribi.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.platform.api.FailFastOnDatabaseOutage;
import io.claribi.platform.api.TenantGuard;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eclipse.persistence.annotations.Multitenant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Each persistence unit with multitenant entities refuses unbound writes and caches nothing; every
 * unit fails fast when the database is away.
 */
class PersistenceUnitsTest {

  @Test
  void every_unit_fails_fast_when_the_database_is_away() throws Exception {
    List<Unit> units = allUnits();
    assertThat(units).extracting(Unit::name).contains("catalog", "tiering", "audit-retention");
    // TenantGuard applies FailFastOnDatabaseOutage first; a unit names one customizer only
    assertThat(units)
        .allSatisfy(
            unit ->
                assertThat(unit.properties().get("eclipselink.session.customizer"))
                    .as("session customizer of %s", unit)
                    .isIn(FailFastOnDatabaseOutage.class.getName(), TenantGuard.class.getName()));
  }

  @Test
  void tiering_has_a_tenant_scoped_unit() throws Exception {
    assertThat(tenantScopedUnits()).extracting(Unit::name).contains("tiering");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tenantScopedUnits")
  void tenant_scoped_unit_guards_writes_leaves_ddl_to_liquibase_and_caches_nothing(Unit unit) {
    assertThat(unit.properties())
        .as("properties of %s", unit)
        .containsEntry("eclipselink.session.customizer", TenantGuard.class.getName())
        .containsEntry("eclipselink.ddl-generation", "none");
    assertThat(unit.sharedCacheMode()).as("shared-cache-mode of %s", unit).isEqualTo("NONE");
  }

  /** A {@code <persistence-unit>}: where it was found, and what the tests need of it. */
  record Unit(
      String name,
      URL source,
      List<String> classes,
      Map<String, String> properties,
      String sharedCacheMode) {

    boolean hasMultitenantEntity() {
      return classes.stream().anyMatch(Unit::isMultitenant);
    }

    private static boolean isMultitenant(String className) {
      try {
        return Class.forName(className, false, Unit.class.getClassLoader())
            .isAnnotationPresent(Multitenant.class);
      } catch (ClassNotFoundException e) {
        throw new AssertionError("a persistence unit lists the unknown class " + className, e);
      }
    }

    @Override
    public String toString() {
      return name + " (" + source + ")";
    }
  }

  static List<Unit> tenantScopedUnits() throws Exception {
    return allUnits().stream().filter(Unit::hasMultitenantEntity).toList();
  }

  private static List<Unit> allUnits() throws Exception {
    List<Unit> units = new ArrayList<>();
    for (URL source :
        Collections.list(Unit.class.getClassLoader().getResources("META-INF/persistence.xml"))) {
      units.addAll(read(source));
    }
    return units;
  }

  private static List<Unit> read(URL source) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Element persistence;
    try (var in = source.openStream()) {
      persistence = factory.newDocumentBuilder().parse(in).getDocumentElement();
    }
    List<Unit> units = new ArrayList<>();
    for (Element unit : elements(persistence, "persistence-unit")) {
      List<String> classes =
          elements(unit, "class").stream().map(e -> e.getTextContent().trim()).toList();
      Map<String, String> properties = new HashMap<>();
      elements(unit, "property")
          .forEach(p -> properties.put(p.getAttribute("name"), p.getAttribute("value")));
      String cacheMode =
          elements(unit, "shared-cache-mode").stream()
              .map(e -> e.getTextContent().trim())
              .findFirst()
              .orElse(null);
      units.add(new Unit(unit.getAttribute("name"), source, classes, properties, cacheMode));
    }
    return units;
  }

  private static List<Element> elements(Element parent, String name) {
    NodeList nodes = parent.getElementsByTagNameNS("*", name);
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      elements.add((Element) nodes.item(i));
    }
    return elements;
  }
}

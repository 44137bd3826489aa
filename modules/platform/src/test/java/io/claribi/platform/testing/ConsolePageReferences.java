package io.claribi.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.Introspector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks, without a server, that every {@code #{bean.property…}} a context's console pages write
 * names a getter or method of that context's page bean, following getters as far as their types are
 * plain classes. A renamed getter then fails the build of the module that defines it, not a browser
 * test in the WAR.
 */
public final class ConsolePageReferences {

  /** The console pages a module ships (its jar's META-INF/resources/console). */
  public static final Path PAGES = Path.of("src/main/resources/META-INF/resources/console");

  private static final Pattern PROPERTY = Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_]*)");

  private ConsolePageReferences() {}

  /**
   * @return every reference that names nothing, as {@code page: bean.a.b}
   */
  public static List<String> unresolved(Path pages, Class<?>... beans) {
    List<String> unresolved = new ArrayList<>();
    for (Path page : xhtml(pages)) {
      String text = read(page);
      for (Class<?> bean : beans) {
        String name = Introspector.decapitalize(bean.getSimpleName());
        Matcher chain =
            Pattern.compile("(?<![\\w.])" + name + "((?:\\.[A-Za-z_][A-Za-z0-9_]*)+)")
                .matcher(text);
        while (chain.find()) {
          if (!resolves(bean, chain.group(1))) {
            unresolved.add(page.getFileName() + ": " + name + chain.group(1));
          }
        }
      }
    }
    return unresolved;
  }

  /** Asserts that the pages reference only what the beans have, and that they reference them. */
  public static void assertResolved(Path pages, Class<?>... beans) {
    assertThat(xhtml(pages)).as("console pages under %s", pages).isNotEmpty();
    for (Class<?> bean : beans) {
      String name = Introspector.decapitalize(bean.getSimpleName());
      assertThat(xhtml(pages).stream().map(ConsolePageReferences::read))
          .as("a page that uses #{%s}", name)
          .anyMatch(text -> text.contains(name + "."));
    }
    assertThat(unresolved(pages, beans)).as("references to nothing").isEmpty();
  }

  private static boolean resolves(Class<?> bean, String chain) {
    Class<?> type = bean;
    Matcher property = PROPERTY.matcher(chain);
    while (property.find()) {
      if (type == null) {
        return true; // past a generic or collection type: EL decides at run time
      }
      Optional<Method> member = member(type, property.group(1));
      if (member.isEmpty()) {
        return false;
      }
      Class<?> next = member.get().getReturnType();
      type = next.isPrimitive() || next.getName().startsWith("java.") ? null : next;
    }
    return true;
  }

  private static Optional<Method> member(Class<?> type, String name) {
    String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    List<String> wanted = List.of("get" + capitalized, "is" + capitalized, name);
    return Arrays.stream(type.getMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && wanted.contains(m.getName()))
        .sorted((a, b) -> Integer.compare(wanted.indexOf(a.getName()), wanted.indexOf(b.getName())))
        .findFirst();
  }

  private static List<Path> xhtml(Path pages) {
    if (!Files.isDirectory(pages)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(pages)) {
      return files.filter(f -> f.toString().endsWith(".xhtml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path page) {
    try {
      return Files.readString(page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.claribi.platform.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A SHA-256 over everything that decides what a Liquibase update would do: the master changelog,
 * every file it includes (in order), and the Liquibase build. Equal fingerprints mean an update
 * would find nothing pending on a database that already recorded this fingerprint (decision 0045).
 *
 * <p>Only a master changelog made of plain {@code <include file="…"/>} elements is fingerprinted;
 * anything else ({@code includeAll}, relative includes, inline change sets) gets none, and then
 * Liquibase always runs. Reading it never loads a Liquibase class: that is the point.
 */
final class ChangelogFingerprint {

  /** Changing how the fingerprint is made changes every fingerprint, so Liquibase runs once. */
  private static final String FORMAT = "claribi-changelog-fingerprint-1";

  /** Liquibase's own build description, at the root of its jar. */
  static final String LIQUIBASE_BUILD = "liquibase.build.properties";

  private ChangelogFingerprint() {}

  /** The fingerprint of {@code changelog} as {@code loader} sees it, or empty if none applies. */
  static Optional<String> of(ClassLoader loader, String changelog) {
    try {
      byte[] master = read(loader, changelog);
      Optional<List<String>> includes = includes(master);
      if (includes.isEmpty()) {
        return Optional.empty();
      }
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(FORMAT.getBytes(StandardCharsets.UTF_8));
      add(sha256, changelog, master);
      for (String include : includes.get()) {
        add(sha256, include, read(loader, include));
      }
      try (InputStream build = loader.getResourceAsStream(LIQUIBASE_BUILD)) {
        add(sha256, LIQUIBASE_BUILD, build == null ? new byte[0] : build.readAllBytes());
      }
      return Optional.of(HexFormat.of().formatHex(sha256.digest()));
    } catch (IOException | XMLStreamException e) {
      // Liquibase reads the same files and will say what is wrong with them.
      return Optional.empty();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /** The files a master changelog includes, in order; empty if it holds anything else. */
  static Optional<List<String>> includes(byte[] master) throws XMLStreamException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XMLStreamReader reader =
        factory.createXMLStreamReader(new java.io.ByteArrayInputStream(master));
    try {
      List<String> files = new ArrayList<>();
      int depth = 0;
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamReader.END_ELEMENT) {
          depth--;
        } else if (event == XMLStreamReader.START_ELEMENT) {
          depth++;
          String name = reader.getLocalName();
          if (depth == 1 && name.equals("databaseChangeLog")) {
            continue;
          }
          if (depth != 2 || !name.equals("include") || !plainInclude(reader)) {
            return Optional.empty();
          }
          files.add(reader.getAttributeValue(null, "file"));
        }
      }
      return files.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(files));
    } finally {
      reader.close();
    }
  }

  /** {@code <include file="…"/>} with a classpath path and no other attribute. */
  private static boolean plainInclude(XMLStreamReader include) {
    String file = include.getAttributeValue(null, "file");
    return include.getAttributeCount() == 1 && file != null && !file.isBlank();
  }

  private static byte[] read(ClassLoader loader, String resource) throws IOException {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("No " + resource + " on the class path");
      }
      return in.readAllBytes();
    }
  }

  /** The name and the length go in too, so that no two different file sets hash alike. */
  private static void add(MessageDigest sha256, String name, byte[] content) {
    byte[] path = name.getBytes(StandardCharsets.UTF_8);
    sha256.update(java.nio.ByteBuffer.allocate(8).putLong(path.length).array());
    sha256.update(path);
    sha256.update(java.nio.ByteBuffer.allocate(8).putLong(content.length).array());
    sha256.update(content);
  }
}

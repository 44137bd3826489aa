package io.claribi.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The product's web.xml is metadata-complete (no servlet annotation scanning, so the MCP SDK's
 * server servlets are never looked at). Arquillian's in-container protocol registers its test
 * servlet through a web fragment, which that would ignore: test WARs scan again.
 */
public final class InContainerWar {

  private InContainerWar() {}

  public static WebArchive scanned(WebArchive war) {
    String xml;
    try (InputStream in = war.get("WEB-INF/web.xml").getAsset().openStream()) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    war.delete("WEB-INF/web.xml");
    return war.setWebXML(
        new StringAsset(xml.replace("metadata-complete=\"true\"", "metadata-complete=\"false\"")));
  }
}

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
 * servlet through a web fragment, which that would ignore: test WARs scan again, without the
 * console's sign-in mechanism.
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
    // Scanning also reads the API's @LoginConfig(MP-JWT) as a login-config, which Liberty refuses
    // next to the console's form mechanism (CWWKS1931E). In-container tests never sign in to the
    // console, so their WARs leave the mechanism out.
    war.delete("WEB-INF/classes/io/claribi/app/console/ConsoleSignInMechanism.class");
    return war.setWebXML(
        new StringAsset(xml.replace("metadata-complete=\"true\"", "metadata-complete=\"false\"")));
  }
}

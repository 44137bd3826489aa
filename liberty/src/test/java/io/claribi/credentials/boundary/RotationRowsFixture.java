package io.claribi.credentials.boundary;

import io.claribi.credentials.api.CredentialVault;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Test only, in {@link KeyRotationRestartIT}'s seeding WAR, never in the product: {@code POST}
 * seals {@link RotationRows} through the real vault and answers, one line per row, the fingerprint
 * of the key the vault says it sealed that row under.
 */
@WebServlet("/test-fixtures/rotation-rows")
public class RotationRowsFixture extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient CredentialVault vault;
  @Inject transient ActingCaller caller;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    List<String> sealedUnder = new ArrayList<>();
    for (int i = 0; i < RotationRows.COUNT; i++) {
      caller.actFor(RotationRows.organization(i));
      vault.store(RotationRows.connection(i), RotationRows.tokens(i));
      sealedUnder.add(vault.describe(RotationRows.connection(i)).orElseThrow().keyFingerprint());
    }
    response.setContentType("text/plain");
    response.getWriter().write(String.join("\n", sealedUnder));
  }
}

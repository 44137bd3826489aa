package io.claribi.app.console;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * {@code POST /console/sign-out}: ends the container's authentication and the HTTP session, then
 * sends the browser to the sign-in page. POST only, so a link on another site cannot sign anyone
 * out (and the SameSite session cookie is not sent on a cross-site POST). Declared in {@code
 * web.xml}, which is metadata-complete.
 */
public class SignOut extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    request.logout();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    response.setHeader("Cache-Control", "no-store");
    response.sendRedirect(
        request.getContextPath() + ConsoleSignInMechanism.SIGN_IN_PAGE + "?signed-out=true");
  }
}

package io.claribi.app.console;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The sign-in form: hands the name and password to Jakarta Security, never keeps them. */
@Named
@RequestScoped
public class SignIn {

  static final String WRONG_CREDENTIALS = "The user name or password is not correct.";
  static final String DIRECTORY_UNREACHABLE =
      "The directory could not be reached, so your password could not be checked."
          + " Try again in a few minutes.";

  @Inject SecurityContext security;
  @Inject FacesContext faces;
  @Inject DirectoryOutage directoryOutage;

  private String username;
  private String password;

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return null; // never rendered back into the page
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public void signIn() throws IOException {
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    HttpServletResponse response = (HttpServletResponse) external.getResponse();
    if (request.getSession(false) != null) {
      request.changeSessionId(); // a session id known before sign-in is worth nothing after it
    }
    AuthenticationStatus status =
        security.authenticate(
            request,
            response,
            withParams()
                .newAuthentication(true)
                .credential(
                    new UsernamePasswordCredential(
                        username == null ? "" : username.strip(),
                        new Password(password == null ? "" : password))));
    password = null;
    switch (status) {
      case SEND_CONTINUE -> faces.responseComplete(); // back to the page first asked for
      case SUCCESS ->
          external.redirect(
              ReturnAddress.after(
                  request,
                  faces.getApplication().getViewHandler().getProtectedViewsUnmodifiable()));
      default -> {
        response.setStatus(HttpServletResponse.SC_OK); // the page is shown, with the message
        String message = directoryOutage.hasHappened() ? DIRECTORY_UNREACHABLE : WRONG_CREDENTIALS;
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
      }
    }
  }
}

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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The sign-in form: hands the name and password to Jakarta Security, never keeps them. Every
 * sign-in of the console passes here (the form mechanism takes credentials from nothing else), so
 * this is where attempts are throttled ({@link SignInThrottle}) and recorded ({@link
 * SignInRecords}).
 */
@Named
@RequestScoped
public class SignIn {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  static final String WRONG_CREDENTIALS = "The user name or password is not correct.";
  static final String DIRECTORY_UNREACHABLE =
      "The directory could not be reached, so your password could not be checked."
          + " Try again in a few minutes.";

  static final String PASSWORDS_OFF =
      "This console signs in with your organization's identity provider, not with a password.";

  @Inject SecurityContext security;
  @Inject FacesContext faces;
  @Inject DirectoryOutage directoryOutage;
  @Inject SignInThrottle throttle;
  @Inject SignInRecords records;
  @Inject IdentityProvider provider;

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
    if (provider.configured()) {
      password = null; // the console signs in with the identity provider only (decision 50)
      show(PASSWORDS_OFF);
      return;
    }
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    HttpServletResponse response = (HttpServletResponse) external.getResponse();
    String name = username == null ? "" : username.strip();
    String address = String.valueOf(request.getRemoteAddr());
    Optional<SignInAttempts.Lock> lock = throttle.admit(name, address);
    if (lock.isPresent()) {
      password = null; // not checked: the right password is refused as well while locked
      refuse(response, lock.get().until());
      if (lock.get().first()) {
        records.throttled(name, address, lock.get().until());
      }
      return;
    }
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
                        name, new Password(password == null ? "" : password))));
    password = null;
    switch (status) {
      case SEND_CONTINUE -> { // signed in, and sent back to the page first asked for
        signedIn(name, address);
        faces.responseComplete();
      }
      case SUCCESS -> {
        signedIn(name, address);
        external.redirect(ReturnAddress.after(request, OpenedFromTheConsole.PAGES));
      }
      default -> {
        response.setStatus(HttpServletResponse.SC_OK); // the page is shown, with the message
        if (directoryOutage.hasHappened()) {
          throttle.unchecked(name, address); // the password was not checked: not a failure
          show(DIRECTORY_UNREACHABLE);
        } else {
          records.failed(name, address, throttle.failures(name), throttle.maxFailuresPerUser());
          show(WRONG_CREDENTIALS);
        }
      }
    }
  }

  private void signedIn(String name, String address) {
    throttle.succeeded(name, address);
    records.signedIn(name, address);
  }

  /** 429 with Retry-After, and the page says until when. */
  private void refuse(HttpServletResponse response, Instant until) {
    long seconds = Math.max(1, Duration.between(Instant.now(), until).toSeconds() + 1);
    response.setStatus(429);
    response.setHeader("Retry-After", String.valueOf(seconds));
    show(throttledMessage(until, seconds));
  }

  static String throttledMessage(Instant until, long seconds) {
    return "Too many failed sign-ins with this user name or from this address. Try again after "
        + TIME.format(until)
        + " UTC (in "
        + seconds
        + (seconds == 1 ? " second)." : " seconds).");
  }

  private void show(String message) {
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }
}

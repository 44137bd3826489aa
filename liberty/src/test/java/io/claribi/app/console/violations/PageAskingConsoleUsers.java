package io.claribi.app.console.violations;

import io.claribi.platform.api.ConsolePrincipal;
import io.claribi.platform.api.ConsoleUsers;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/**
 * Counter-example for ConsoleIdentityTest: a page bean that looks up a console user by a name the
 * page chose, and so acts with that user's organization.
 */
@Named
public class PageAskingConsoleUsers {

  @Inject ConsoleUsers users;

  private String userName;

  public void setUserName(String userName) {
    this.userName = userName;
  }

  Optional<ConsolePrincipal> actingAs() {
    return users.find(userName);
  }
}

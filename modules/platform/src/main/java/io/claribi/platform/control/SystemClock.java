package io.claribi.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The one clock of the application, in UTC; tests replace it by constructing beans with another. */
@ApplicationScoped
public class SystemClock {

  @Produces
  Clock clock() {
    return Clock.systemUTC();
  }
}

package io.claribi.app.console;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.logging.Logger;

/**
 * A form post whose view state cannot be restored (expired, from another session, tampered with, or
 * not a view state at all) is answered with the console's "This form is no longer valid" page.
 * Restoring the view comes before any action, so nothing was changed, and the page may say so. The
 * server logs one INFO line instead of an error with a stack trace, because anyone can send such a
 * post. Registered in {@code faces-config.xml}; every other exception is left to Faces and the
 * error pages of {@code web.xml}.
 */
public class FormNoLongerValid extends ExceptionHandlerFactory {

  static final String PAGE = "/console/errors/expired.html";

  /** For Keys and Review queue opened without a console link ({@link OpenedFromTheConsole}). */
  static final String OPEN_FROM_CONSOLE = "/console/errors/open-from-console.html";

  private static final Logger LOG = Logger.getLogger(FormNoLongerValid.class.getName());

  public FormNoLongerValid(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  private static final class Handler extends ExceptionHandlerWrapper {

    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() {
      Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
      while (events.hasNext()) {
        ExceptionQueuedEventContext event = events.next().getContext();
        if (event.getPhaseId() == PhaseId.RESTORE_VIEW
            || causedBy(event.getException(), ViewExpiredException.class)) {
          events.remove();
          answer(event.getContext(), event.getException());
        }
      }
      getWrapped().handle();
    }

    private static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
      for (Throwable t = thrown; t != null; t = t.getCause()) {
        if (type.isInstance(t)) {
          return true;
        }
      }
      return false;
    }

    private static void answer(FacesContext faces, Throwable thrown) {
      if (faces.getResponseComplete()) {
        return; // a second failure of the same request: the first one answered already
      }
      ExternalContext external = faces.getExternalContext();
      String page = PAGE;
      LOG.info(
          () ->
              "A request for "
                  + external.getRequestServletPath()
                  + " could not restore its view ("
                  + (thrown instanceof FacesException && thrown.getCause() != null
                      ? thrown.getCause().getClass().getSimpleName()
                      : thrown.getClass().getSimpleName())
                  + "); answered with "
                  + page);
      try {
        external.redirect(external.getRequestContextPath() + page);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      faces.responseComplete();
    }
  }
}

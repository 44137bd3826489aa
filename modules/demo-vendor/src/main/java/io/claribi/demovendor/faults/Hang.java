package io.claribi.demovendor.faults;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Parks a request in asynchronous mode without writing a byte and without holding a thread, so many
 * hanging calls cannot starve the server the product shares. The container ends it after {@link
 * #MAX_MILLIS} with 504; a client that gives up earlier simply closes its connection (the servlet
 * API reports no disconnect for a request that neither reads nor writes, so the park lasts its full
 * time regardless).
 */
final class Hang {

  static final long MAX_MILLIS = 120_000;

  private Hang() {}

  static void park(HttpServletRequest request, HttpServletResponse response) {
    AsyncContext async = request.startAsync(request, response);
    async.setTimeout(MAX_MILLIS);
    async.addListener(
        new AsyncListener() {
          @Override
          public void onTimeout(AsyncEvent event) {
            response.setStatus(HttpServletResponse.SC_GATEWAY_TIMEOUT);
            async.complete();
          }

          @Override
          public void onComplete(AsyncEvent event) {}

          @Override
          public void onError(AsyncEvent event) {
            async.complete();
          }

          @Override
          public void onStartAsync(AsyncEvent event) {}
        });
  }
}

package it.io.claribi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Callers that repeat one call until stopped and keep every answer with when it was asked and how
 * long it took, so that a test can judge the answers of a time window (while a database or a vendor
 * was away, after it came back). A caller pauses briefly after a failed call, as a client would.
 */
final class Load {

  /**
   * One answer: {@code status} -1 when the connection closed without one; {@code code} the
   * problem's, if any; {@code retryAfter} whether the answer said when to retry.
   */
  record Answer(Instant asked, Duration took, int status, String code, boolean retryAfter) {}

  private final List<Answer> answers = new ArrayList<>();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final ExecutorService callers;

  private Load(int callers) {
    this.callers = Executors.newFixedThreadPool(callers);
  }

  /** {@code callers} threads repeating {@code call} from now on. */
  static Load of(int callers, Supplier<Api.Reply> call) {
    Load load = new Load(callers);
    for (int i = 0; i < callers; i++) {
      load.callers.submit(load.repeating(call));
    }
    return load;
  }

  private Runnable repeating(Supplier<Api.Reply> call) {
    return () -> {
      while (!stop.get()) {
        Instant asked = Instant.now();
        Answer answer;
        try {
          Api.Reply reply = call.get();
          answer =
              new Answer(
                  asked,
                  Duration.between(asked, Instant.now()),
                  reply.status(),
                  problemCode(reply),
                  reply.response().headers().firstValue("Retry-After").isPresent());
        } catch (IllegalStateException closed) {
          answer = new Answer(asked, Duration.between(asked, Instant.now()), -1, null, false);
        }
        synchronized (answers) {
          answers.add(answer);
        }
        if (answer.status() != 200) {
          pause();
        }
      }
    };
  }

  private static String problemCode(Api.Reply reply) {
    if (reply.status() == 200 || !reply.body().contains("\"code\"")) {
      return null;
    }
    try {
      return reply.json().getString("code", null);
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  private static void pause() {
    try {
      TimeUnit.MILLISECONDS.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the callers and waits for the calls under way. */
  void stop() throws InterruptedException {
    stop.set(true);
    callers.shutdown();
    if (!callers.awaitTermination(60, TimeUnit.SECONDS)) {
      callers.shutdownNow();
      throw new AssertionError("callers still busy 60 s after the load stopped");
    }
  }

  List<Answer> all() {
    synchronized (answers) {
      return List.copyOf(answers);
    }
  }

  /** The answers to calls asked from {@code from} up to {@code to}. */
  List<Answer> between(Instant from, Instant to) {
    List<Answer> window = new ArrayList<>();
    for (Answer answer : all()) {
      if (!answer.asked().isBefore(from) && answer.asked().isBefore(to)) {
        window.add(answer);
      }
    }
    return window;
  }
}

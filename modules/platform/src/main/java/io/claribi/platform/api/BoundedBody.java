package io.claribi.platform.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Collects a reply body up to a limit; past it, stops reading and fails. */
public final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

  /** The reply was larger than the limit. */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
  }

  private final CompletableFuture<byte[]> body = new CompletableFuture<>();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final int limit;
  private Flow.Subscription subscription;
  private volatile boolean tooLarge;

  public BoundedBody(int limit) {
    this.limit = limit;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    for (ByteBuffer buffer : buffers) {
      if (bytes.size() + buffer.remaining() > limit) {
        // Fail first: over HTTP/2 the cancel itself may fail the exchange with its own error.
        tooLarge = true;
        body.completeExceptionally(new TooLarge());
        subscription.cancel();
        return;
      }
      byte[] chunk = new byte[buffer.remaining()];
      buffer.get(chunk);
      bytes.write(chunk, 0, chunk.length);
    }
  }

  /** Whether the reply passed the limit, whatever error the client reported for the exchange. */
  public boolean tooLarge() {
    return tooLarge;
  }

  @Override
  public void onError(Throwable failure) {
    body.completeExceptionally(failure);
  }

  @Override
  public void onComplete() {
    body.complete(bytes.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return body;
  }
}

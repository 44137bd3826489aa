package io.claribi.gateway.control.nativeapi.violations;

import java.net.URI;
import java.net.http.HttpRequest;

/** What NativeReadOnlyArchitectureTest must catch: a request that could write. */
public final class WritingThroughTheBuilder {

  private WritingThroughTheBuilder() {}

  public static HttpRequest deleteSomething() {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1/x")).DELETE().build();
  }

  public static HttpRequest postSomewhere() {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1/x"))
        .method("PATCH", HttpRequest.BodyPublishers.noBody())
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
  }
}

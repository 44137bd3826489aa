package io.claribi.architecture.violations;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** Counter-example: builds JSON through the static {@code Json} factory, once per call. */
public final class JsonLookedUpPerCall {

  private JsonLookedUpPerCall() {}

  public static JsonObject answer() {
    return Json.createObjectBuilder().add("answer", 42).build();
  }
}

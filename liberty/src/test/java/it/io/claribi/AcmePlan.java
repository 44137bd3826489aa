package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * The plan of {@code acme}, the organization of the console's demo admin: a browser test class puts
 * acme on the plan it needs and back on the one it had, as the platform operator would.
 */
final class AcmePlan {

  static final String ORG = "acme";

  private final String original;
  private final String name;

  private AcmePlan(String original, String name) {
    this.original = original;
    this.name = name;
  }

  /** acme's plan and name now, to put back later. */
  static AcmePlan remembered() {
    JsonObject acme = Api.get("/api/v1/organization", Api.token(ORG, "org-admin")).json();
    return new AcmePlan(acme.getString("plan"), acme.getString("name"));
  }

  /** Puts acme on {@code plan} (a plan change takes effect on the next request). */
  void set(String plan) {
    Api.Reply changed =
        Api.put(
            "/api/v1/organizations/" + ORG,
            Api.token("platform-ops", "platform-operator"),
            Json.createObjectBuilder()
                .add("name", name)
                .add("plan", plan)
                .add("reason", "console browser test")
                .build()
                .toString());
    assertThat(changed.status()).as(changed.body()).isIn(200, 201);
  }

  void restore() {
    set(original);
  }
}

package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The plan of {@code acme}, the organization of the console's demo admin: a browser test class puts
 * acme on the plan it needs and back on the one it had, as the platform operator would. As a static
 * {@code @RegisterExtension} field ({@link #during}) it does so around the whole class.
 */
final class AcmePlan implements BeforeAllCallback, AfterAllCallback {

  static final String ORG = "acme";

  /** The plan for the test class, or null for a plan changed by hand ({@link #remembered()}). */
  private final String during;

  private String original;
  private String name;

  private AcmePlan(String during) {
    this.during = during;
  }

  /** acme on {@code plan} from before the class's first test until after its last one. */
  static AcmePlan during(String plan) {
    return new AcmePlan(plan);
  }

  /** acme's plan and name now, to put back later. */
  static AcmePlan remembered() {
    AcmePlan plan = new AcmePlan(null);
    plan.remember();
    return plan;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws InterruptedException {
    Api.awaitTokensAccepted(BrowserExtension.SERVER_START);
    remember();
    set(during);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (original != null) {
      restore();
    }
  }

  private void remember() {
    JsonObject acme = Api.get("/api/v1/organization", Api.token(ORG, "org-admin")).json();
    original = acme.getString("plan");
    name = acme.getString("name");
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

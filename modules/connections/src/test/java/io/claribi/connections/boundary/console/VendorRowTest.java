package io.claribi.connections.boundary.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.catalog.api.Availability;
import io.claribi.catalog.api.Vendor;
import io.claribi.catalog.api.VendorId;
import io.claribi.catalog.api.VendorKind;
import io.claribi.connections.boundary.ConnectionView;
import io.claribi.tiering.api.Plan;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VendorRowTest {

  private static final Vendor PAYMENTS =
      new Vendor(
          new VendorId("acme-payments"),
          "Acme <Payments>",
          VendorKind.MCP,
          URI.create("https://mcp.example.com/mcp"),
          List.of("payments:read"),
          List.of("payments"),
          false,
          Optional.empty());

  private static final Instant T = Instant.parse("2026-11-25T10:15:30Z");

  @Test
  void a_vendor_with_an_active_connection_is_connected_since_its_activation() {
    var cut =
        VendorRow.of(
            PAYMENTS,
            Availability.of(VendorKind.MCP, Plan.TRIAL),
            List.of(
                connection("acme-payments", "ACTIVE"), connection("other-vendor", "NEEDS_REAUTH")));

    assertThat(cut.getState()).isEqualTo(VendorRow.State.CONNECTED);
    assertThat(cut.getConnections()).hasSize(1);
    assertThat(cut.getConnections().get(0).getSince()).isEqualTo("2026-11-25 10:15 UTC");
    assertThat(cut.isConnectable()).isTrue();
    assertThat(cut.getDisplayName()).isEqualTo("Acme <Payments>");
  }

  @Test
  void needs_reauth_comes_before_pending_and_no_connection_is_not_connected() {
    var plan = Availability.of(VendorKind.MCP, Plan.TRIAL);

    assertThat(
            VendorRow.of(
                    PAYMENTS,
                    plan,
                    List.of(
                        connection("acme-payments", "PENDING"),
                        connection("acme-payments", "NEEDS_REAUTH")))
                .getState())
        .isEqualTo(VendorRow.State.NEEDS_REAUTH);
    assertThat(
            VendorRow.of(PAYMENTS, plan, List.of(connection("acme-payments", "PENDING")))
                .getState())
        .isEqualTo(VendorRow.State.PENDING);
    assertThat(VendorRow.of(PAYMENTS, plan, List.of()).getState())
        .isEqualTo(VendorRow.State.NOT_CONNECTED);
  }

  @Test
  void a_vendor_the_plan_lacks_is_locked_and_names_the_plan_that_unlocks_it() {
    var cut = VendorRow.of(PAYMENTS, Availability.of(VendorKind.MCP, Plan.FREE), List.of());

    assertThat(cut.getState()).isEqualTo(VendorRow.State.LOCKED);
    assertThat(cut.isConnectable()).isFalse();
    assertThat(cut.getUnlockedBy()).isEqualTo("Trial");
  }

  @Test
  void a_connection_kept_after_a_downgrade_is_listed_but_no_new_connect_is_offered() {
    var cut =
        VendorRow.of(
            PAYMENTS,
            Availability.of(VendorKind.MCP, Plan.FREE),
            List.of(connection("acme-payments", "ACTIVE")));

    assertThat(cut.getState()).isEqualTo(VendorRow.State.CONNECTED);
    assertThat(cut.isLocked()).isTrue();
    assertThat(cut.isConnectable()).isFalse();
  }

  @Test
  void a_returned_code_is_shown_only_when_it_looks_like_a_problem_code() {
    assertThat(DataSourcesPage.isCode("VENDOR_AUTHORIZATION_DENIED")).isTrue();
    assertThat(DataSourcesPage.isCode("<script>")).isFalse();
    assertThat(DataSourcesPage.isCode(null)).isFalse();
  }

  private static ConnectionView connection(String vendor, String state) {
    return new ConnectionView(
        java.util.UUID.randomUUID().toString(),
        vendor,
        state,
        "acme-admin",
        T.minusSeconds(60),
        "ACTIVE".equals(state) ? T : null,
        null,
        null);
  }

  private static ConnectionView named(String name, Instant lastUsedAt) {
    return new ConnectionView(
        java.util.UUID.randomUUID().toString(),
        "acme-payments",
        "ACTIVE",
        "acme-admin",
        T.minusSeconds(60),
        T,
        name,
        lastUsedAt);
  }

  @Test
  void connect_is_the_main_action_only_for_a_vendor_without_connections() {
    var plan = Availability.of(VendorKind.MCP, Plan.TRIAL);

    var none = VendorRow.of(PAYMENTS, plan, List.of());
    var pending = VendorRow.of(PAYMENTS, plan, List.of(connection("acme-payments", "PENDING")));
    var locked =
        VendorRow.of(
            PAYMENTS,
            Availability.of(VendorKind.MCP, Plan.FREE),
            List.of(connection("acme-payments", "ACTIVE")));

    assertThat(none.isFirstConnect()).isTrue();
    assertThat(none.isAnotherConnect()).isFalse();
    assertThat(pending.isFirstConnect()).isFalse();
    assertThat(pending.isAnotherConnect()).isTrue();
    assertThat(locked.isFirstConnect()).isFalse();
    assertThat(locked.isAnotherConnect()).isFalse();
  }

  @Test
  void a_connection_goes_by_its_name_or_the_vendors_and_says_when_it_was_last_used() {
    var cut =
        VendorRow.of(
            PAYMENTS,
            Availability.of(VendorKind.MCP, Plan.TRIAL),
            List.of(named("Acme EU", T.plusMillis(1500)), named(null, null)));

    assertThat(cut.getConnectionNames()).containsExactly("Acme EU", "Acme <Payments>");
    ConnectionRow used = cut.getConnections().get(0);
    assertThat(used.isUsed()).isTrue();
    assertThat(used.getLastUsed()).isEqualTo("2026-11-25 10:15 UTC");
    assertThat(used.getLastUsedIso()).isEqualTo("2026-11-25T10:15:31Z");
    ConnectionRow never = cut.getConnections().get(1);
    assertThat(never.isUsed()).isFalse();
    assertThat(never.getLastUsed()).isEqualTo("Never used");
  }
}

package io.claribi.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimeZonePageTest {

  @Test
  void it_returns_to_the_console_page_it_came_from_with_its_query() {
    assertThat(TimeZonePage.returnPath("", "/console/audit.xhtml?from=2026-12-01&order=oldest"))
        .isEqualTo("/console/audit.xhtml?from=2026-12-01&order=oldest");
    assertThat(TimeZonePage.returnPath("/app", "/app/console/keys.xhtml"))
        .isEqualTo("/app/console/keys.xhtml");
  }

  @Test
  void never_to_another_site_or_outside_the_console() {
    for (String elsewhere :
        new String[] {
          "https://evil.example/console/audit.xhtml",
          "//evil.example/console/audit.xhtml",
          "/\\evil.example/",
          "\\\\evil.example",
          "https:evil.example",
          "javascript:alert(1)",
          "/api/v1/audit/events",
          "/console/../api/v1/audit/events",
          "/console/./../x",
          "/console/audit.xhtml\r\nLocation: https://evil.example",
          "/console/sign-out",
          "/console/sign-in.xhtml",
          "/console/time-zone.xhtml?return=https://evil.example",
          "console/audit.xhtml",
          "",
        }) {
      assertThat(TimeZonePage.returnPath("", elsewhere))
          .as(elsewhere)
          .isEqualTo("/console/index.xhtml");
    }
    assertThat(TimeZonePage.returnPath("", null)).isEqualTo("/console/index.xhtml");
  }

  @Test
  void the_cookie_is_kept_a_year_for_the_console_only_and_never_sent_cross_site() {
    assertThat(TimeZonePage.cookie("", false, "America/New_York"))
        .isEqualTo(
            "claribi_tz=America/New_York; Path=/console; Max-Age=31536000; HttpOnly;"
                + " SameSite=Strict");
    assertThat(TimeZonePage.cookie("/app", true, "Asia/Tokyo"))
        .isEqualTo(
            "claribi_tz=Asia/Tokyo; Path=/app/console; Max-Age=31536000; HttpOnly;"
                + " SameSite=Strict; Secure");
  }

  @Test
  void the_common_zones_come_first_then_every_other_zone_once() {
    var groups = TimeZonePage.TimeZones.CHOICES;
    assertThat(groups).hasSize(2);
    var common = ((jakarta.faces.model.SelectItemGroup) groups.get(0)).getSelectItems();
    var all = ((jakarta.faces.model.SelectItemGroup) groups.get(1)).getSelectItems();
    assertThat(common[0].getValue()).isEqualTo("UTC");
    assertThat(common).extracting(i -> i.getLabel()).contains("America/New_York (Eastern Time)");
    assertThat(all)
        .extracting(i -> i.getValue())
        .contains("Pacific/Chatham")
        .doesNotContain("America/New_York");
    assertThat(all.length).isGreaterThan(300);
  }
}

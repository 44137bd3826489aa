package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Data sources page's "Add an upload" form in a real browser, signed in as the demo admin of
 * {@code acme} (on Trial for the test, its plan put back afterwards): a CSV is added and listed
 * with its rows; a PNG named {@code .csv} and a missing file are refused with the problem's code
 * and nothing is stored. Every upload added here is deleted.
 */
class ConsoleUploadFormIT {

  private static final String PAGE = "/console/data-sources.xhtml";
  private static final String ORG = "acme";

  @RegisterExtension static final AcmePlan acmePlan = AcmePlan.during("TRIAL");

  @RegisterExtension
  static final BrowserExtension browsers =
      BrowserExtension.signedInAs("acme-admin", "acme-admin-demo");

  private Browser browser;

  /** Where the files to upload are written. */
  @TempDir Path folder;

  @Test
  void a_csv_is_added_and_listed_with_its_rows() throws Exception {
    String name = "console-form-" + UUID.randomUUID().toString().substring(0, 8) + ".csv";
    Path csv = folder.resolve(name);
    Files.writeString(csv, "region,amount\neu,10\nus,20\nasia,30\n", StandardCharsets.UTF_8);
    try {
      browser.visit(PAGE);
      browser.driver.findElement(By.id("upload-file")).sendKeys(csv.toAbsolutePath().toString());
      browser.driver.findElement(By.id("upload-domains")).sendKeys("sales, payments");
      scrollTo(browser.driver.findElement(By.id("upload")));
      browser.screenshot("data-sources-upload-form");
      browser.submit(By.id("upload-submit"));

      assertThat(notice().getAttribute("role")).isEqualTo("status");
      assertThat(notice().getText()).isEqualTo("Added " + name + ": 3 rows, CSV.");
      String id = uploadIdOf(name);
      WebElement row = browser.driver.findElement(By.cssSelector("tr[data-upload='" + id + "']"));
      List<String> cells =
          row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
      assertThat(cells.subList(0, 5)).containsExactly(name, "CSV", "34 B", "3", "sales, payments");
      JsonObject stored = Api.get("/api/v1/uploads/" + id, admin()).json();
      assertThat(stored.getInt("rowCount")).isEqualTo(3);
      assertThat(stored.getJsonArray("dataDomains").toString())
          .isEqualTo("[\"sales\",\"payments\"]");
      scrollTo(row);
      browser.screenshot("data-sources-upload-added");
    } finally {
      deleteUploadsNamed(name);
    }
  }

  @Test
  void a_png_named_csv_is_refused_with_its_code_and_nothing_is_stored() throws Exception {
    String name = "chart-" + UUID.randomUUID().toString().substring(0, 8) + ".csv";
    Path png = folder.resolve(name);
    Files.write(png, PNG);
    int before = uploadCount();
    try {
      browser.visit(PAGE);
      browser.driver.findElement(By.id("upload-file")).sendKeys(png.toAbsolutePath().toString());
      browser.submit(By.id("upload-submit"));

      assertThat(notice().getAttribute("role")).isEqualTo("alert");
      assertThat(notice().getText())
          .startsWith("Could not add " + name + ": ")
          .contains("a PNG image")
          .contains("(UPLOAD_TYPE_UNSUPPORTED)")
          .endsWith("Nothing was stored.");
      assertThat(browser.driver.findElement(By.tagName("main")).getText())
          .as("listed nowhere but in the alert")
          .containsOnlyOnce(name);
      assertThat(uploadIdsNamed(name)).isEmpty();
      assertThat(uploadCount()).isEqualTo(before);
      browser.screenshot("data-sources-upload-refused");
    } finally {
      deleteUploadsNamed(name);
    }
  }

  @Test
  void uploading_without_a_file_says_which_problem() throws Exception {
    int before = uploadCount();
    browser.visit(PAGE);
    browser.submit(By.id("upload-submit"));

    assertThat(notice().getAttribute("role")).isEqualTo("alert");
    assertThat(notice().getText()).contains("(UPLOAD_FILE_MISSING)");
    assertThat(uploadCount()).isEqualTo(before);
  }

  /** The PNG signature and the start of an IHDR chunk: a PNG to any file sniffer. */
  private static final byte[] PNG = {
    (byte) 0x89,
    'P',
    'N',
    'G',
    '\r',
    '\n',
    0x1A,
    '\n',
    0,
    0,
    0,
    13,
    'I',
    'H',
    'D',
    'R',
    0,
    0,
    0,
    1,
    0,
    0,
    0,
    1,
    8,
    6,
    0,
    0,
    0
  };

  private void scrollTo(WebElement element) {
    browser.driver.executeScript("arguments[0].scrollIntoView()", element);
  }

  private WebElement notice() {
    return browser.driver.findElement(By.id("notice"));
  }

  private static int uploadCount() {
    return Api.get("/api/v1/uploads", admin()).jsonArray().size();
  }

  private static List<String> uploadIdsNamed(String name) {
    return Api.get("/api/v1/uploads", admin()).jsonArray().stream()
        .map(JsonObject.class::cast)
        .filter(u -> u.getString("name").equals(name))
        .map(u -> u.getString("id"))
        .toList();
  }

  private static String uploadIdOf(String name) {
    List<String> ids = uploadIdsNamed(name);
    assertThat(ids).as("uploads named " + name).hasSize(1);
    return ids.get(0);
  }

  private static void deleteUploadsNamed(String name) {
    uploadIdsNamed(name).forEach(id -> Api.delete("/api/v1/uploads/" + id, admin()));
  }

  private static String admin() {
    return Api.token(ORG, "org-admin");
  }
}

package it.io.claribi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * File uploads against the running server: stored, described and queried through the tool surface,
 * routed by their declared domains, refused with a clear error when bad (leaving nothing behind),
 * invisible to other organizations, and gone with their bytes when deleted.
 */
class UploadIT {

  static final String SALES =
      "region,product,amount,sold_on\n"
          + "north,widget,10.5,2026-01-03\n"
          + "south,widget,4,2026-01-04\n"
          + "north,gadget,20,2026-02-01\n"
          + "east,gadget,7.25,2026-02-11\n"
          + "south,gadget,1,2026-03-01\n";

  @BeforeAll
  static void serverAcceptsTokens() throws InterruptedException {
    Api.awaitTokensAccepted(Duration.ofSeconds(60));
  }

  static String freeOrganization(String prefix) {
    return Gateway.organizationOn(Api.newOrganization(prefix), "FREE");
  }

  static String uploaded(String token, String name, String csv, String domains) {
    Api.Reply reply = Uploads.upload(token, name, csv, domains);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json().getString("id");
  }

  static JsonObject result(Api.Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonObject result = reply.json().getJsonObject("result");
    assertThat(result.getBoolean("isError")).isFalse();
    return result.getJsonObject("structuredContent");
  }

  @Test
  void a_csv_is_stored_described_queried_listed_as_tools_and_routed() {
    String admin = freeOrganization("upload");
    Api.Reply added = Uploads.upload(admin, "../../etc/sales 2026.csv", SALES, "sales, revenue");
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    JsonObject upload = added.json();
    String id = upload.getString("id");
    assertThat(upload.getString("name")).isEqualTo("sales 2026.csv");
    assertThat(upload.getString("format")).isEqualTo("CSV");
    assertThat(upload.getJsonNumber("rowCount").longValue()).isEqualTo(5);
    assertThat(upload.getInt("columnCount")).isEqualTo(4);
    assertThat(upload.getJsonArray("dataDomains").toString()).isEqualTo("[\"sales\",\"revenue\"]");
    assertThat(Api.get("/api/v1/uploads", admin).jsonArray()).hasSize(1);

    List<JsonObject> tools =
        Api.get("/api/v1/tools", admin).json().getJsonArray("tools").getValuesAs(JsonObject.class);
    assertThat(tools)
        .filteredOn(t -> id.equals(t.getString("uploadId", null)))
        .extracting(t -> t.getString("name"))
        .containsExactlyInAnyOrder("describe_upload", "query_upload");

    JsonObject described = result(Uploads.call(admin, id, "describe_upload", "{}"));
    assertThat(described.getJsonArray("columns").getValuesAs(JsonObject.class))
        .extracting(c -> c.getString("name"))
        .containsExactly("region", "product", "amount", "sold_on");

    JsonObject totals =
        result(
            Uploads.call(
                admin,
                id,
                "query_upload",
                "{\"filters\":[{\"column\":\"sold_on\",\"op\":\"ge\",\"value\":\"2026-01-04\"}],"
                    + "\"group_by\":[\"region\"],"
                    + "\"aggregates\":[{\"fn\":\"sum\",\"column\":\"amount\",\"alias\":\"total\"}],"
                    + "\"order_by\":[{\"column\":\"total\",\"direction\":\"desc\"}]}"));
    assertThat(
            totals.getJsonArray("rows").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("region") + "=" + r.getJsonNumber("total").doubleValue())
                .toList())
        .containsExactly("north=20.0", "east=7.25", "south=5.0");

    JsonObject route =
        Api.post("/api/v1/questions/route", admin, "{\"domains\":[\"revenue\"]}").json();
    assertThat(route.getString("route")).isEqualTo("source");
    assertThat(route.getJsonObject("source").getString("kind")).isEqualTo("UPLOAD");
    assertThat(route.getJsonObject("source").getString("uploadId")).isEqualTo(id);

    JsonObject usage = Api.get("/api/v1/organization", admin).json().getJsonObject("toolCalls");
    assertThat(usage.getJsonNumber("used").longValue()).isEqualTo(2);
  }

  @Test
  void deleting_an_upload_removes_it_and_changes_the_next_route() {
    String admin = freeOrganization("upload-delete");
    String id = uploaded(admin, "sales.csv", SALES, "sales");

    assertThat(Api.delete("/api/v1/uploads/" + id, admin).status()).isEqualTo(204);

    assertThat(Api.get("/api/v1/uploads/" + id, admin).status()).isEqualTo(404);
    assertThat(Uploads.call(admin, id, "describe_upload", "{}").status()).isEqualTo(404);
    assertThat(
            Api.post("/api/v1/questions/route", admin, "{\"domains\":[\"sales\"]}")
                .json()
                .getString("route"))
        .isEqualTo("none");
    assertThat(Api.delete("/api/v1/uploads/" + id, admin).status()).isEqualTo(404);
  }

  @Test
  void bad_files_get_a_clear_error_and_leave_nothing_behind() {
    String admin = freeOrganization("upload-bad");
    byte[] png = {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };
    String wide =
        IntStream.range(0, 10_000).mapToObj(i -> "c" + i).collect(Collectors.joining(","))
            + "\n"
            + IntStream.range(0, 10_000).mapToObj(i -> "1").collect(Collectors.joining(","))
            + "\n";

    assertProblem(Uploads.upload(admin, "empty.csv", new byte[0], null), 400, "UPLOAD_EMPTY");
    assertProblem(Uploads.upload(admin, "image.csv", png, null), 415, "UPLOAD_TYPE_UNSUPPORTED");
    assertProblem(
        Uploads.upload(admin, "broken.csv", "a,b\n1,\"unterminated\n2,3\n", null),
        422,
        "UPLOAD_MALFORMED");
    assertProblem(Uploads.upload(admin, "wide.csv", wide, null), 422, "UPLOAD_TOO_MANY_COLUMNS");
    assertProblem(
        Uploads.upload(admin, "big.csv", new byte[5 * 1024 * 1024 + 1], null),
        413,
        "UPLOAD_TOO_LARGE");
    assertProblem(
        Uploads.upload(admin, "x.csv", SALES, "Not A Domain!"), 400, "UPLOAD_DOMAINS_INVALID");

    assertThat(Api.get("/api/v1/uploads", admin).jsonArray()).isEmpty();
    JsonObject usage = Api.get("/api/v1/organization", admin).json().getJsonObject("toolCalls");
    assertThat(usage.getJsonNumber("used").longValue()).isZero();
  }

  @Test
  void formula_cells_come_back_as_the_text_they_are() {
    String admin = freeOrganization("upload-formula");
    String id =
        uploaded(
            admin,
            "formulas.csv",
            "label,cell\na,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"\nb,+1+1\nc,@SUM(A1)\nd,-2+3\n",
            null);

    JsonObject rows =
        result(Uploads.call(admin, id, "query_upload", "{\"order_by\":[{\"column\":\"label\"}]}"));

    assertThat(
            rows.getJsonArray("rows").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("cell"))
                .toList())
        .containsExactly("=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "@SUM(A1)", "-2+3");
  }

  @Test
  void another_organizations_upload_does_not_exist_and_queries_cannot_escape_the_file() {
    String owner = freeOrganization("upload-owner");
    String id = uploaded(owner, "sales.csv", SALES, "sales");
    String stranger = freeOrganization("upload-stranger");

    assertThat(Api.get("/api/v1/uploads/" + id, stranger).status()).isEqualTo(404);
    assertThat(Api.delete("/api/v1/uploads/" + id, stranger).status()).isEqualTo(404);
    assertThat(Uploads.call(stranger, id, "describe_upload", "{}").status()).isEqualTo(404);
    assertThat(Api.get("/api/v1/uploads", stranger).jsonArray()).isEmpty();

    // A filter value is a value: SQL in it matches nothing and reads nothing else.
    JsonObject injected =
        result(
            Uploads.call(
                owner,
                id,
                "query_upload",
                "{\"filters\":[{\"column\":\"region\",\"op\":\"eq\",\"value\":"
                    + "\"x'); SELECT * FROM read_csv('/etc/passwd\"}]}"));
    assertThat(injected.getJsonArray("rows")).isEmpty();
    // A column that is not the file's is refused, whatever it looks like.
    Api.Reply escape =
        Uploads.call(owner, id, "query_upload", "{\"columns\":[\"read_csv('/etc/passwd')\"]}");
    assertThat(escape.status()).as(escape.body()).isEqualTo(400);
    assertThat(Uploads.call(owner, id, "drop_upload", "{}").status()).isEqualTo(403);
    assertThat(Api.get("/api/v1/uploads/" + id, owner).status()).isEqualTo(200);
  }

  @Test
  void a_plan_keeps_at_most_its_number_of_files() {
    String admin = freeOrganization("upload-count");
    for (int i = 0; i < 5; i++) {
      uploaded(admin, "f" + i + ".csv", "a\n" + i + "\n", null);
    }

    Api.Reply sixth =
        Uploads.upload(admin, "f5.csv", "a\n5\n".getBytes(StandardCharsets.UTF_8), null);

    assertProblem(sixth, 409, "UPLOAD_LIMIT_REACHED");
    assertThat(Api.get("/api/v1/uploads", admin).jsonArray()).hasSize(5);
  }

  static void assertProblem(Api.Reply reply, int status, String code) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().getString("code")).isEqualTo(code);
    assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at io.");
  }
}

package io.claribi.gateway.control.allowlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.claribi.uploads.api.UploadTools;
import org.junit.jupiter.api.Test;

/** The upload tools' published input schemas, as the gateway's argument check reads them. */
class UploadToolSchemasTest {

  /** The query of UploadQueryArgumentsTest (uploads), which parses it field by field. */
  private static final String EXAMPLE =
      """
      {"columns": ["region"],
       "filters": [{"column": "amount", "op": "gt", "value": 5},
                   {"column": "region", "op": "in", "values": ["north", "south"]},
                   {"column": "day", "op": "not_null"}],
       "group_by": ["region"],
       "aggregates": [{"fn": "count"}, {"fn": "sum", "column": "amount", "alias": "total"}],
       "order_by": [{"column": "total", "direction": "desc"}, {"column": "region"}],
       "limit": 20}
      """;

  @Test
  void the_example_is_valid_against_the_published_schema() {
    var schemas = new ArgumentSchemas();

    var checked = schemas.check("query_upload-test", UploadTools.queryInputSchema(), EXAMPLE);
    var misspelt =
        schemas.check("query_upload-test", UploadTools.queryInputSchema(), "{\"groupBy\": []}");
    var describe = schemas.check("describe_upload-test", UploadTools.describeInputSchema(), "{}");

    assertThat(checked.valid()).as(checked.problem()).isTrue();
    assertThat(misspelt.valid()).isFalse();
    assertThat(describe.valid()).isTrue();
  }
}

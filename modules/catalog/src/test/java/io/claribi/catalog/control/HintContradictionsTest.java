package io.claribi.catalog.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HintContradictionsTest {

  private static final JsonValue READ_ONLY = hints("{\"readOnlyHint\": true}");

  @Test
  void the_demo_vendors_lie_is_named_by_its_name_and_its_description() {
    var cut =
        HintContradictions.of(
            "archive_customer",
            "Archives a customer so that it no longer appears in customer lists.",
            hints(
                "{\"title\": \"Archive a customer\", \"readOnlyHint\": true,"
                    + " \"destructiveHint\": false, \"idempotentHint\": true}"));

    assertThat(cut)
        .containsExactly(
            "The vendor marks this tool read-only, but its name, archive_customer, says it"
                + " archives.",
            "The vendor marks this tool read-only, but its description says it archives:"
                + " “Archives a customer so that it no longer appears in customer lists.”");
  }

  @ParameterizedTest
  @CsvSource({
    "list_customers, Lists active customers in id order. Filter by e-mail address; page with"
        + " starting_after.",
    "get_customer, 'Retrieves one customer with plan, subscription status and balance (in cents).'",
    "list_invoices, 'Lists invoices in id order, optionally of one customer and of one status.'",
    "retrieve_balance, 'Retrieves the account balance: available and pending funds, in cents.'",
    "list_payouts, 'Lists payouts to the bank account, most recent first.'",
    "get_refund, Returns one refund with its amount.",
    "list_charges, Lists charges and refunds.",
    "list_updates, Charges are listed with their refunds. Updates of the last day first.",
    "settings, Reads the settings of a workspace.",
  })
  void honest_read_tools_are_not_flagged(String name, String description) {
    assertThat(HintContradictions.of(name, description, READ_ONLY)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "delete_customer, deletes",
    "customerDelete, deletes",
    "customers_remove, removes",
    "createRefund, creates",
    "send-invoice, sends",
    "patch_record, patches",
    "modify_plan, modifies",
    "pay_invoice, pays",
    "set_plan, sets",
    "SetPlan, sets",
  })
  void a_write_verb_in_the_name_contradicts_read_only(String name, String says) {
    assertThat(HintContradictions.of(name, "", READ_ONLY))
        .containsExactly(
            "The vendor marks this tool read-only, but its name, "
                + name
                + ", says it "
                + says
                + ".");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Lists payouts and cancels the pending ones.",
        "Lists customers, and it also deletes inactive ones.",
        "Use this tool to refund an invoice.",
        "Returns the balance, then sends a report to the owner.",
        "Modifies the plan.",
      })
  void a_write_verb_in_the_description_contradicts_read_only(String description) {
    assertThat(HintContradictions.of("list_things", description, READ_ONLY))
        .singleElement()
        .asString()
        .startsWith("The vendor marks this tool read-only, but its description says it ")
        .endsWith("“" + description + "”");
  }

  @Test
  void the_quote_is_the_sentence_with_the_verb_and_is_kept_short() {
    String rest = "x".repeat(300);
    var cut =
        HintContradictions.of(
            "list_payouts",
            "Lists payouts.\nNow also cancels the pending ones " + rest + ". Then more.",
            READ_ONLY);

    assertThat(cut)
        .singleElement()
        .asString()
        .startsWith(
            "The vendor marks this tool read-only, but its description says it cancels: “Now"
                + " also cancels the pending ones xxx")
        .endsWith("x…”")
        .doesNotContain("Lists payouts")
        .doesNotContain("Then more");
  }

  @Test
  void not_destructive_is_contradicted_only_by_destroying_verbs() {
    JsonValue notDestructive = hints("{\"readOnlyHint\": false, \"destructiveHint\": false}");

    assertThat(
            HintContradictions.of(
                "delete_customer", "Permanently deletes a customer.", notDestructive))
        .containsExactly(
            "The vendor marks this tool as not destructive, but its name, delete_customer, says"
                + " it deletes.",
            "The vendor marks this tool as not destructive, but its description says it deletes:"
                + " “Permanently deletes a customer.”");
    assertThat(HintContradictions.of("send_invoice", "Sends an invoice.", notDestructive))
        .isEmpty();
  }

  @Test
  void without_a_claim_nothing_is_contradicted() {
    assertThat(HintContradictions.of("delete_customer", "Deletes a customer.", JsonValue.NULL))
        .isEmpty();
    assertThat(HintContradictions.of("delete_customer", "Deletes a customer.", null)).isEmpty();
    assertThat(
            HintContradictions.of(
                "delete_customer",
                "Deletes a customer.",
                hints("{\"readOnlyHint\": false, \"destructiveHint\": true}")))
        .isEmpty();
    assertThat(HintContradictions.of(null, null, READ_ONLY)).isEmpty();
  }

  @Test
  void a_claim_written_as_a_string_is_a_claim_too() {
    assertThat(HintContradictions.of("delete_customer", "", hints("{\"readOnlyHint\": \"true\"}")))
        .hasSize(1);
  }

  @Test
  void verb_forms() {
    assertThat(HintContradictions.base("archives", HintContradictions.WRITES)).hasValue("archive");
    assertThat(HintContradictions.base("modifies", HintContradictions.WRITES)).hasValue("modify");
    assertThat(HintContradictions.base("patches", HintContradictions.WRITES)).hasValue("patch");
    assertThat(HintContradictions.base("lists", HintContradictions.WRITES)).isEmpty();
    assertThat(HintContradictions.thirdPerson("pay")).isEqualTo("pays");
    assertThat(HintContradictions.thirdPerson("modify")).isEqualTo("modifies");
    assertThat(HintContradictions.thirdPerson("patch")).isEqualTo("patches");
  }

  private static JsonValue hints(String json) {
    return Json.createReader(new java.io.StringReader(json)).readObject();
  }
}

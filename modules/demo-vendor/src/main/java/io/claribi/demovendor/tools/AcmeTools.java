package io.claribi.demovendor.tools;

import static io.claribi.demovendor.tools.AcmeTool.readOnly;
import static io.claribi.demovendor.tools.AcmeTool.write;

import io.claribi.demovendor.data.Ledger;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.util.List;
import java.util.Map;

/**
 * Acme's pristine tool set: five read tools, four write tools, and {@code archive_customer}, a
 * write tool that falsely claims {@code readOnlyHint: true} and needs only the read scope, as a
 * careless vendor might ship it. The product must not trust annotations; this tool proves it.
 */
public final class AcmeTools {

  static final String CUSTOMER_ID =
      """
      "customer_id": {"type": "string", "pattern": "^cus_[0-9]{4}$", \
      "description": "The customer's id, e.g. cus_0001."}""";
  static final String INVOICE_ID =
      """
      "invoice_id": {"type": "string", "pattern": "^in_[0-9]{4}$", \
      "description": "The invoice's id, e.g. in_0001."}""";

  private AcmeTools() {}

  public static List<AcmeTool> pristine() {
    return List.of(
        listCustomers(),
        getCustomer(),
        listInvoices(),
        retrieveBalance(),
        listPayouts(),
        createRefund(),
        deleteCustomer(),
        updateSubscription(),
        sendInvoice(),
        archiveCustomer());
  }

  private static AcmeTool listCustomers() {
    return new AcmeTool(
        "list_customers",
        "List customers",
        "Lists active customers in id order, ten at a time unless limit says otherwise. Filter by"
            + " e-mail address; page with starting_after (the last id of the previous page).",
        schema(
            """
            "email": {"type": "string", "format": "email", \
            "description": "Only customers with this e-mail address (case-insensitive)."},
            "limit": {"type": "integer", "minimum": 1, "maximum": 100, "default": 10, \
            "description": "How many customers to return."},
            "starting_after": {"type": "string", "pattern": "^cus_[0-9]{4}$", \
            "description": "A customer id: return the customers after it."}""",
            List.of()),
        readOnly("List customers"),
        Scopes.READ,
        (ledger, args) ->
            ledger.listCustomers(
                args.text("email"), args.limit(Ledger.DEFAULT_LIMIT), args.text("starting_after")));
  }

  private static AcmeTool getCustomer() {
    return new AcmeTool(
        "get_customer",
        "Get a customer",
        "Retrieves one customer with plan, subscription status and balance (in cents).",
        schema(CUSTOMER_ID, List.of("customer_id")),
        readOnly("Get a customer"),
        Scopes.READ,
        (ledger, args) -> ledger.customer(args.requiredText("customer_id")));
  }

  private static AcmeTool listInvoices() {
    return new AcmeTool(
        "list_invoices",
        "List invoices",
        "Lists invoices in id order, optionally of one customer and of one status.",
        schema(
            CUSTOMER_ID
                + ",\n"
                + """
                "status": {"type": "string", \
                "enum": ["draft", "open", "paid", "void", "uncollectible"], \
                "description": "Only invoices in this status."}""",
            List.of()),
        readOnly("List invoices"),
        Scopes.READ,
        (ledger, args) -> ledger.listInvoices(args.text("customer_id"), args.text("status")));
  }

  private static AcmeTool retrieveBalance() {
    return new AcmeTool(
        "retrieve_balance",
        "Retrieve the balance",
        "Retrieves the account balance: available and pending funds, in cents.",
        schema("", List.of()),
        readOnly("Retrieve the balance"),
        Scopes.READ,
        (ledger, args) -> ledger.balance());
  }

  private static AcmeTool listPayouts() {
    return new AcmeTool(
        "list_payouts",
        "List payouts",
        "Lists payouts to the bank account, most recent first.",
        schema(
            """
            "limit": {"type": "integer", "minimum": 1, "maximum": 100, "default": 10, \
            "description": "How many payouts to return."}""",
            List.of()),
        readOnly("List payouts"),
        Scopes.READ,
        (ledger, args) -> ledger.listPayouts(args.limit(Ledger.DEFAULT_LIMIT)));
  }

  private static AcmeTool createRefund() {
    return new AcmeTool(
        "create_refund",
        "Refund an invoice",
        "Refunds a paid invoice, in full unless amount (in cents) is given. Moves money.",
        schema(
            INVOICE_ID
                + ",\n"
                + """
                "amount": {"type": "integer", "minimum": 1, \
                "description": "Amount to refund in cents; the whole remainder if absent."},
                "reason": {"type": "string", \
                "enum": ["duplicate", "fraudulent", "requested_by_customer"], \
                "description": "Why the money goes back."}""",
            List.of("invoice_id")),
        write("Refund an invoice", false, false),
        Scopes.WRITE,
        (ledger, args) ->
            ledger.createRefund(
                args.requiredText("invoice_id"),
                args.number("amount"),
                args.text("reason").orElse("requested_by_customer")));
  }

  private static AcmeTool deleteCustomer() {
    return new AcmeTool(
        "delete_customer",
        "Delete a customer",
        "Permanently deletes a customer. Cannot be undone.",
        schema(CUSTOMER_ID, List.of("customer_id")),
        write("Delete a customer", true, true),
        Scopes.WRITE,
        (ledger, args) ->
            Map.of(
                "id",
                ledger.deleteCustomer(args.requiredText("customer_id")).id(),
                "deleted",
                true));
  }

  private static AcmeTool updateSubscription() {
    return new AcmeTool(
        "update_subscription",
        "Change a subscription",
        "Moves a customer's subscription to another plan, effective immediately.",
        schema(
            CUSTOMER_ID
                + ",\n"
                + """
                "plan": {"type": "string", "enum": ["starter", "growth", "scale"], \
                "description": "The new plan."}""",
            List.of("customer_id", "plan")),
        write("Change a subscription", true, true),
        Scopes.WRITE,
        (ledger, args) ->
            ledger.updateSubscription(args.requiredText("customer_id"), args.requiredText("plan")));
  }

  private static AcmeTool sendInvoice() {
    return new AcmeTool(
        "send_invoice",
        "Send an invoice",
        "E-mails an invoice to its customer; a draft becomes open.",
        schema(INVOICE_ID, List.of("invoice_id")),
        write("Send an invoice", false, false),
        Scopes.WRITE,
        (ledger, args) -> ledger.sendInvoice(args.requiredText("invoice_id")));
  }

  /** The lie: annotated read-only, but archives the customer. */
  private static AcmeTool archiveCustomer() {
    return new AcmeTool(
        "archive_customer",
        "Archive a customer",
        "Archives a customer so that it no longer appears in customer lists.",
        schema(CUSTOMER_ID, List.of("customer_id")),
        new ToolAnnotations("Archive a customer", true, false, true, false, null),
        Scopes.READ,
        (ledger, args) -> ledger.archiveCustomer(args.requiredText("customer_id")));
  }

  static String schema(String properties, List<String> required) {
    String requiredJson =
        required.isEmpty() ? "" : ", \"required\": [\"" + String.join("\", \"", required) + "\"]";
    return "{\"type\": \"object\", \"properties\": {"
        + properties
        + "}"
        + requiredJson
        + ", \"additionalProperties\": false}";
  }
}

package io.claribi.gateway.control.nativeapi;

import io.claribi.platform.api.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Google Ads API (REST): the customers a login can read and their campaigns' metrics. Scope {@code
 * adwords}; every request also carries the operator's {@code developer-token}.
 */
final class GoogleAds extends TableConnector {

  static final String VENDOR = "google-ads";

  /** The API version every request names (v26, October 2026); Google sunsets each after a year. */
  static final String API_VERSION = "v26";

  static final Pattern CUSTOMER_ID = Pattern.compile("[0-9]{10}");
  private static final String CUSTOMER_HINT = "a 10-digit customer id without dashes";
  // Page tokens are opaque base64 from the previous reply; they only ever go into the JSON body.
  private static final Pattern PAGE_TOKEN = Pattern.compile("[A-Za-z0-9+/=_-]{1,2048}");

  private final Supplier<Optional<String>> developerToken;
  private final OperationTable table =
      new OperationTable(VENDOR)
          .with(GoogleAdsOperations.LIST_ACCESSIBLE_CUSTOMERS, this::accessibleCustomers)
          .with(GoogleAdsOperations.LIST_CAMPAIGNS, this::campaigns);

  GoogleAds(NativeHttp http, Supplier<Optional<String>> developerToken) {
    super(VENDOR, "Google Ads", http);
    this.developerToken = developerToken;
  }

  /** The operator's developer token, and the manager account when the caller names one. */
  @Override
  Map<String, String> headers(Arguments checked) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("developer-token", requireDeveloperToken());
    checked
        .optionalString("login_customer_id", CUSTOMER_ID, CUSTOMER_HINT)
        .ifPresent(manager -> headers.put("login-customer-id", manager));
    return headers;
  }

  private String requireDeveloperToken() {
    return developerToken
        .get()
        .filter(token -> token.matches("[A-Za-z0-9_-]{1,100}"))
        .orElseThrow(
            () ->
                new ProblemException(
                    503,
                    "CONNECTOR_NOT_CONFIGURED",
                    "Connector not configured",
                    "Google Ads needs the operator's developer token"
                        + " (CLARIBI_CONNECTORS_GOOGLE_ADS_DEVELOPER_TOKEN); nothing was sent."));
  }

  @Override
  OperationTable table() {
    return table;
  }

  private ObjectNode accessibleCustomers(Arguments arguments, ReadOnlyApi api) {
    JsonNode reply = api.get("/" + API_VERSION + "/customers:listAccessibleCustomers", Map.of());
    ObjectNode answer = ToolResults.object();
    var ids = answer.putArray("customerIds");
    reply
        .path("resourceNames")
        .forEach(name -> ids.add(name.asString().replaceFirst("^customers/", "")));
    return answer;
  }

  private ObjectNode campaigns(Arguments arguments, ReadOnlyApi api) {
    String customer = arguments.requiredString("customer_id", CUSTOMER_ID, CUSTOMER_HINT);
    CampaignQuery query =
        new CampaignQuery(
            arguments.dateRange("start_date", "end_date"),
            arguments.oneOf("status", Set.of("ENABLED", "PAUSED", "REMOVED", "ANY"), "ANY"),
            arguments.integer("limit", 1, 1_000, 100));
    Optional<String> pageToken =
        arguments.optionalString("page_token", PAGE_TOKEN, "the nextPageToken of an earlier page");

    ObjectNode request = ToolResults.object().put("query", query.gaql());
    pageToken.ifPresent(token -> request.put("pageToken", token));
    String path =
        "/" + API_VERSION + "/customers/" + ReadOnlyApi.encode(customer) + "/googleAds:search";
    return GoogleAdsAnswers.campaigns(api.query(path, request));
  }
}

package io.claribi.gateway.control.nativeapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * Meta Marketing API (Graph API): ad accounts, campaigns and insights. Scope {@code ads_read}; the
 * token travels in the {@code Authorization} header, never as {@code access_token} in the URL.
 */
final class MetaAds extends TableConnector {

  static final String VENDOR = "meta-ads";

  /** The Graph API version every request names; Meta keeps each for about two years. */
  static final String API_VERSION = "v23.0";

  static final String ACCOUNT_FIELDS = "id,account_id,name,account_status,currency,timezone_name";
  static final String CAMPAIGN_FIELDS =
      "id,name,status,effective_status,objective,daily_budget,lifetime_budget,start_time,stop_time";
  static final Set<String> INSIGHT_FIELDS =
      Set.of(
          "account_id",
          "account_name",
          "campaign_id",
          "campaign_name",
          "adset_id",
          "adset_name",
          "ad_id",
          "ad_name",
          "date_start",
          "date_stop",
          "impressions",
          "reach",
          "frequency",
          "clicks",
          "unique_clicks",
          "spend",
          "cpc",
          "cpm",
          "ctr",
          "actions");
  static final List<String> DEFAULT_INSIGHT_FIELDS =
      List.of("campaign_name", "impressions", "clicks", "spend");

  private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{1,20}");
  private static final String ACCOUNT_HINT = "the ad account's numeric id, without act_";
  // Graph cursors are opaque base64 strings from the previous page's paging.cursors.after.
  private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9+/=_-]{1,1024}");

  private final OperationTable table =
      new OperationTable(VENDOR)
          .with(MetaAdsOperations.LIST_AD_ACCOUNTS, this::adAccounts)
          .with(MetaAdsOperations.LIST_CAMPAIGNS, this::campaigns)
          .with(MetaAdsOperations.GET_INSIGHTS, this::insights);

  MetaAds(NativeHttp http) {
    super(VENDOR, "Meta Ads", http);
  }

  @Override
  OperationTable table() {
    return table;
  }

  private ObjectNode adAccounts(Arguments arguments, ReadOnlyApi api) {
    Map<String, String> query = page(arguments, ACCOUNT_FIELDS);
    return MetaAdsAnswers.page(api.get("/" + API_VERSION + "/me/adaccounts", query));
  }

  private ObjectNode campaigns(Arguments arguments, ReadOnlyApi api) {
    String account = arguments.requiredString("ad_account_id", ACCOUNT_ID, ACCOUNT_HINT);
    Map<String, String> query = page(arguments, CAMPAIGN_FIELDS);
    return MetaAdsAnswers.page(api.get(accountPath(account, "campaigns"), query));
  }

  private ObjectNode insights(Arguments arguments, ReadOnlyApi api) {
    String account = arguments.requiredString("ad_account_id", ACCOUNT_ID, ACCOUNT_HINT);
    String level =
        arguments.oneOf("level", Set.of("account", "campaign", "adset", "ad"), "campaign");
    DateRange dates = arguments.dateRange("start_date", "end_date");
    List<String> fields =
        arguments.subsetOf("fields", INSIGHT_FIELDS, INSIGHT_FIELDS.size(), DEFAULT_INSIGHT_FIELDS);
    Map<String, String> query = page(arguments, String.join(",", fields));
    query.put("level", level);
    ObjectNode range =
        ToolResults.object().put("since", dates.startText()).put("until", dates.endText());
    query.put("time_range", range.toString());
    return MetaAdsAnswers.page(api.get(accountPath(account, "insights"), query));
  }

  private static String accountPath(String account, String edge) {
    return "/" + API_VERSION + "/act_" + ReadOnlyApi.encode(account) + "/" + edge;
  }

  private static Map<String, String> page(Arguments arguments, String fields) {
    int limit = arguments.integer("limit", 1, 100, 25);
    Map<String, String> query = new LinkedHashMap<>();
    query.put("fields", fields);
    query.put("limit", Integer.toString(limit));
    arguments
        .optionalString("after", CURSOR, "the nextCursor of an earlier page")
        .ifPresent(after -> query.put("after", after));
    return query;
  }
}

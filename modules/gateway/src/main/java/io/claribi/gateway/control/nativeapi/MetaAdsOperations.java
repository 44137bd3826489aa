package io.claribi.gateway.control.nativeapi;

/** What Meta Ads offers the AI engine; the schemas mirror MetaAds' checks. */
final class MetaAdsOperations {

  private MetaAdsOperations() {}

  static final NativeOperation LIST_AD_ACCOUNTS =
      new NativeOperation(
          "list_ad_accounts",
          "List Meta ad accounts",
          "Lists the ad accounts the connected person can read: id, name, status, currency, time"
              + " zone.",
          """
          {"type":"object","additionalProperties":false,
           "properties":{
            "limit":{"type":"integer","minimum":1,"maximum":100,"default":25},
            "after":{"type":"string","pattern":"^[A-Za-z0-9+/=_-]{1,1024}$"}}}
          """);

  static final NativeOperation LIST_CAMPAIGNS =
      new NativeOperation(
          "list_campaigns",
          "List Meta campaigns",
          "Lists an ad account's campaigns: name, status, objective, budgets, schedule.",
          """
          {"type":"object","additionalProperties":false,"required":["ad_account_id"],
           "properties":{
            "ad_account_id":{"type":"string","pattern":"^[0-9]{1,20}$","description":"without act_"},
            "limit":{"type":"integer","minimum":1,"maximum":100,"default":25},
            "after":{"type":"string","pattern":"^[A-Za-z0-9+/=_-]{1,1024}$"}}}
          """);

  static final NativeOperation GET_INSIGHTS =
      new NativeOperation(
          "get_insights",
          "Read Meta ad insights",
          "Reads an ad account's performance (impressions, clicks, spend, ...) for a date range,"
              + " per account, campaign, ad set or ad.",
          """
          {"type":"object","additionalProperties":false,
           "required":["ad_account_id","start_date","end_date"],
           "properties":{
            "ad_account_id":{"type":"string","pattern":"^[0-9]{1,20}$","description":"without act_"},
            "level":{"type":"string","enum":["account","campaign","adset","ad"],"default":"campaign"},
            "start_date":{"type":"string","format":"date","pattern":"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
            "end_date":{"type":"string","format":"date","pattern":"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
            "fields":{"type":"array","minItems":1,"maxItems":20,"items":{"type":"string","enum":[
              "account_id","account_name","campaign_id","campaign_name","adset_id","adset_name",
              "ad_id","ad_name","date_start","date_stop","impressions","reach","frequency",
              "clicks","unique_clicks","spend","cpc","cpm","ctr","actions"]}},
            "limit":{"type":"integer","minimum":1,"maximum":100,"default":25},
            "after":{"type":"string","pattern":"^[A-Za-z0-9+/=_-]{1,1024}$"}}}
          """);
}

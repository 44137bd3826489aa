package io.claribi.gateway.control.nativeapi;

/** What Google Ads offers the AI engine; the schemas mirror GoogleAds' checks. */
final class GoogleAdsOperations {

  private GoogleAdsOperations() {}

  static final NativeOperation LIST_ACCESSIBLE_CUSTOMERS =
      new NativeOperation(
          "list_accessible_customers",
          "List Google Ads customers",
          "Lists the ids of the Google Ads customers (accounts) the connected login can read.",
          """
          {"type":"object","additionalProperties":false,"properties":{}}
          """);

  static final NativeOperation LIST_CAMPAIGNS =
      new NativeOperation(
          "list_campaigns",
          "List Google Ads campaigns with metrics",
          "Reads a customer's campaigns with impressions, clicks, cost (micros) and conversions"
              + " summed over a date range, most impressions first.",
          """
          {"type":"object","additionalProperties":false,
           "required":["customer_id","start_date","end_date"],
           "properties":{
            "customer_id":{"type":"string","pattern":"^[0-9]{10}$","description":"without dashes"},
            "login_customer_id":{"type":"string","pattern":"^[0-9]{10}$",
              "description":"the manager account to read through, if any"},
            "start_date":{"type":"string","format":"date","pattern":"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
            "end_date":{"type":"string","format":"date","pattern":"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
            "status":{"type":"string","enum":["ENABLED","PAUSED","REMOVED","ANY"],"default":"ANY"},
            "limit":{"type":"integer","minimum":1,"maximum":1000,"default":100},
            "page_token":{"type":"string","pattern":"^[A-Za-z0-9+/=_-]{1,2048}$"}}}
          """);
}

package io.claribi.gateway.control.nativeapi;

/**
 * The one GAQL query Google Ads' {@code list_campaigns} sends. The caller never writes GAQL: every
 * value placed in it is a re-formatted date, a word from a fixed set, or a bounded number.
 */
record CampaignQuery(DateRange dates, String status, int limit) {

  String gaql() {
    StringBuilder gaql =
        new StringBuilder(
            "SELECT campaign.id, campaign.name, campaign.status,"
                + " campaign.advertising_channel_type, metrics.impressions, metrics.clicks,"
                + " metrics.cost_micros, metrics.conversions FROM campaign");
    gaql.append(" WHERE segments.date BETWEEN '")
        .append(dates.startText())
        .append("' AND '")
        .append(dates.endText())
        .append("'");
    if (!"ANY".equals(status)) {
      gaql.append(" AND campaign.status = '").append(status).append("'");
    }
    return gaql.append(" ORDER BY metrics.impressions DESC LIMIT ").append(limit).toString();
  }
}

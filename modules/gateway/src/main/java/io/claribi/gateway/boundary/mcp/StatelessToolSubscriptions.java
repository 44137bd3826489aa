package io.claribi.gateway.boundary.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.McpSchema.ErrorCodes;
import io.modelcontextprotocol.modern.McpSchema.Result;
import io.modelcontextprotocol.modern.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.modern.McpSchema.SubscriptionFilter;
import io.modelcontextprotocol.modern.McpSchema.SubscriptionsAcknowledgedParams;
import io.modelcontextprotocol.modern.McpSchema.SubscriptionsListenRequest;
import io.modelcontextprotocol.modern.McpSchema.SubscriptionsListenResult;
import io.modelcontextprotocol.modern.server.McpAsyncNotifier;
import io.modelcontextprotocol.modern.server.McpAsyncResponse;
import io.modelcontextprotocol.modern.server.McpFeature;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * {@code subscriptions/listen} of the stateless revision (2026-07-28) for tool-list changes: the
 * stream is acknowledged with what is honoured ({@code toolsListChanged} only: this endpoint has no
 * prompts, and no resources yet), then carries {@code notifications/tools/list_changed} whenever
 * {@link McpToolChanges} finds the organization's list changed, on whichever node the change was
 * committed (decision 0044), and ends with the listen result when the application stops.
 *
 * <p>A feature of its own rather than the SDK's {@code SubscriptionsFeature}: that one broadcasts
 * every change to every listener, while a tool list belongs to one organization, and another
 * organization must hear nothing (decision 0046). The request is answered on the servlet thread,
 * inside the caller's request scope, so the list it measures from is the caller's own; the stream
 * then runs on the transport's async context without holding a thread.
 */
final class StatelessToolSubscriptions implements McpFeature {

  static final String SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";
  static final String LIMIT_CODE = "MCP_SUBSCRIPTIONS_EXHAUSTED";

  private static final McpJsonMapper JSON = McpJsonDefaults.getMapper();
  private static final SubscriptionFilter TOOLS =
      SubscriptionFilter.of(Map.of(SubscriptionFilter.TOOLS_LIST_CHANGED, true));

  private final McpTools tools;
  private final McpToolChanges changes;
  private final int perOrganization;

  StatelessToolSubscriptions(McpTools tools, McpToolChanges changes, int perOrganization) {
    this.tools = tools;
    this.changes = changes;
    this.perOrganization = perOrganization;
  }

  @Override
  public Set<String> methods() {
    return Set.of(McpSchema.METHOD_SUBSCRIPTIONS_LISTEN);
  }

  @Override
  public void capabilities(ServerCapabilities.Builder builder) {
    builder.toolsListChanged(true);
  }

  @Override
  public Mono<McpAsyncResponse<Result>> handle(McpRequestContext ctx, Object params) {
    return Mono.fromCallable(() -> listen(ctx, request(params)));
  }

  private McpAsyncResponse<Result> listen(McpRequestContext ctx, SubscriptionsListenRequest asked) {
    McpCaller sender = McpCaller.in(ctx.transportContext());
    Map<String, Object> meta = Map.of(SUBSCRIPTION_ID, ctx.requestId());
    if (!asked.notifications().wantsToolsListChanged()) {
      // Nothing asked that is served here: acknowledged as empty, and over at once, rather than a
      // stream held open that can never carry anything.
      return McpAsyncResponse.streaming(
          notifier ->
              acknowledge(notifier, SubscriptionFilter.EMPTY, meta)
                  .then(Mono.<Result>fromSupplier(() -> listenResult(ctx))));
    }
    String shown = shownNow(sender);
    McpToolChanges.Subscription subscription =
        changes
            .subscribe(sender.organization(), shown, perOrganization)
            .orElseThrow(this::exhausted);
    return McpAsyncResponse.streaming(
        notifier ->
            acknowledge(notifier, TOOLS, meta)
                .thenMany(subscription.changes())
                .concatMap(
                    change ->
                        notifier.notify(
                            McpSchema.METHOD_NOTIFICATION_TOOLS_LIST_CHANGED,
                            Map.of("_meta", meta)))
                .then(Mono.<Result>fromSupplier(() -> listenResult(ctx))));
  }

  /**
   * What the caller's {@code tools/list} shows now: changes are measured from it. A plan without
   * tools is a state too (an upgrade changes it); a caller not bound here fails closed.
   */
  private String shownNow(McpCaller sender) {
    try {
      return McpTools.shownFingerprint(() -> tools.tools(sender));
    } catch (McpTools.CallerNotBound unbound) {
      throw new McpException(ErrorCodes.INTERNAL_ERROR, unbound.getMessage());
    }
  }

  private McpException exhausted() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("status", 429);
    data.put("code", LIMIT_CODE);
    data.put("title", "Too many subscriptions");
    String detail =
        "This organization has "
            + perOrganization
            + " open subscriptions/listen streams on this server, the most it may hold; close one.";
    data.put("detail", detail);
    return new McpException(ErrorCodes.INVALID_REQUEST, "Too many subscriptions: " + detail, data);
  }

  private static Mono<Void> acknowledge(
      McpAsyncNotifier notifier, SubscriptionFilter honoured, Map<String, Object> meta) {
    return notifier.notify(
        McpSchema.METHOD_NOTIFICATION_SUBSCRIPTIONS_ACKNOWLEDGED,
        new SubscriptionsAcknowledgedParams(honoured, meta));
  }

  private static Result listenResult(McpRequestContext ctx) {
    return SubscriptionsListenResult.forSubscription(ctx.requestId());
  }

  private static SubscriptionsListenRequest request(Object params) {
    if (!(params instanceof Map<?, ?> map) || !(map.get("notifications") instanceof Map)) {
      throw McpException.invalidParams("params.notifications is required");
    }
    try {
      return JSON.convertValue(params, SubscriptionsListenRequest.class);
    } catch (RuntimeException malformed) {
      throw McpException.invalidParams("Malformed SubscriptionsListenRequest");
    }
  }
}

package io.claribi.gateway.control.mcpclient;

import io.claribi.credentials.api.Credential;
import io.claribi.gateway.control.GatewaySettings;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * The SDK's streamable HTTP transport with the connection's token on every request it sends.
 *
 * <p>What the SDK sends for one of our calls (initialize, tools/call, tools/list, resources)
 * carries the credential lent to that call in its Reactor context. What it sends on its own, from
 * its own threads, carries nothing (SDK 2.1.0: {@code McpClientSession} answers a vendor's request
 * with a bare {@code subscribe()}, and the event stream re-opens with the context of the call that
 * opened it, whose credential is withdrawn by then). Such a message borrows the credential through
 * the {@link CredentialLender} for exactly its length; a POST holds the borrowed credential, and
 * with it the call fence, until the vendor has taken the message. A request that finds no
 * credential is not sent at all, so nothing ever reaches the vendor without a token.
 *
 * <p>{@code notifications/tools/list_changed} is taken from the SDK: it would re-list on its own,
 * following the vendor's pages without bound and keeping the result to itself. The session re-lists
 * with a borrowed credential instead and records the tools in the catalog.
 */
final class VendorTransport implements McpClientTransport {

  static final String CREDENTIAL = "claribi.lent-credential";
  private static final String AUTHORIZATION = "Authorization";

  private final HttpClientStreamableHttpTransport http;
  private final Borrowing borrowing;
  private final Duration sendTimeout;
  private final Runnable toolsChanged;

  VendorTransport(
      URI server,
      GatewaySettings settings,
      McpJsonMapper json,
      Borrowing borrowing,
      Runnable toolsChanged) {
    this.borrowing = borrowing;
    this.sendTimeout = settings.callTimeout();
    this.toolsChanged = toolsChanged;
    this.http =
        HttpClientStreamableHttpTransport.builder(origin(server))
            .endpoint(pathAndQuery(server))
            .jsonMapper(json)
            .connectTimeout(settings.connectTimeout())
            .maxResponseSize(settings.maxResponseBytes())
            .openConnectionOnStartup(false)
            .asyncHttpRequestCustomizer(this::authorize)
            .build();
  }

  /** A Reactor context that lends {@code credential} to what is sent under it. */
  static Function<Context, Context> lentTo(Credential credential) {
    return context -> context.put(McpTransportContext.KEY, transportContext(credential));
  }

  static McpTransportContext transportContext(Credential credential) {
    return McpTransportContext.create(Map.of(CREDENTIAL, credential));
  }

  @Override
  public Mono<Void> connect(
      Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
    return http.connect(message -> handler.apply(message.filter(this::forTheSdk)));
  }

  @Override
  public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
    return Mono.deferContextual(
        context ->
            lentToken(context.getOrDefault(McpTransportContext.KEY, McpTransportContext.EMPTY))
                    .isPresent()
                ? http.sendMessage(message)
                : borrowed(message, context));
  }

  /** Sends one message with a borrowed credential, holding it until the vendor has taken it. */
  private Mono<Void> borrowed(McpSchema.JSONRPCMessage message, ContextView context) {
    return Mono.fromFuture(
            () ->
                borrowing.lend(
                    credential -> {
                      usable(credential);
                      // The one nearest the source wins: the borrowed credential over any stale
                      // one.
                      http.sendMessage(message)
                          .contextWrite(lentTo(credential))
                          .contextWrite(context)
                          .block(sendTimeout);
                      return Boolean.TRUE;
                    }))
        .then();
  }

  @Override
  public Mono<Void> closeGracefully() {
    return http.closeGracefully();
  }

  @Override
  public void setExceptionHandler(Consumer<Throwable> handler) {
    http.setExceptionHandler(handler);
  }

  @Override
  public List<String> protocolVersions() {
    return http.protocolVersions();
  }

  @Override
  public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
    return http.unmarshalFrom(data, typeRef);
  }

  private boolean forTheSdk(McpSchema.JSONRPCMessage message) {
    if (message instanceof McpSchema.JSONRPCNotification notification
        && McpSchema.METHOD_NOTIFICATION_TOOLS_LIST_CHANGED.equals(notification.method())) {
      toolsChanged.run();
      return false;
    }
    return true;
  }

  /**
   * Every request passes here just before it is sent. The event stream's GET may borrow for its
   * header only (it stays open for as long as the session lives, so it cannot hold the fence); a
   * DELETE without a credential is skipped, and the vendor's session simply expires.
   */
  private Publisher<HttpRequest.Builder> authorize(
      HttpRequest.Builder request,
      String method,
      URI endpoint,
      String body,
      McpTransportContext context) {
    Optional<String> token = lentToken(context);
    if (token.isPresent()) {
      return Mono.just(request.setHeader(AUTHORIZATION, "Bearer " + token.get()));
    }
    return switch (method) {
      case "GET" ->
          Mono.fromFuture(
              () ->
                  borrowing.lend(
                      credential ->
                          request.setHeader(
                              AUTHORIZATION, "Bearer " + usable(credential).accessToken())));
      case "DELETE" -> Mono.empty();
      default -> Mono.error(new NoCredentialLent("a " + method));
    };
  }

  /**
   * A borrowed credential, unless it has expired and could not be refreshed: then nothing is sent
   * (the vendor would refuse it; the next call of ours meets the expiry and reports it).
   */
  static Credential usable(Credential borrowed) {
    if (borrowed.expiresBefore(Instant.now())) {
      throw new NoCredentialLent("an expired credential");
    }
    return borrowed;
  }

  /** The token of the credential in the context, unless none is there or it was withdrawn. */
  static Optional<String> lentToken(McpTransportContext context) {
    if (context != null && context.get(CREDENTIAL) instanceof Credential credential) {
      try {
        return Optional.of(credential.accessToken());
      } catch (IllegalStateException withdrawn) {
        return Optional.empty(); // the call that lent it has returned
      }
    }
    return Optional.empty();
  }

  /** A request that found no credential and was therefore not sent. */
  static final class NoCredentialLent extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    NoCredentialLent(String what) {
      super("No credential for " + what + " to the vendor; nothing was sent.");
    }
  }

  private static String origin(URI server) {
    return server.getScheme() + "://" + server.getRawAuthority();
  }

  private static String pathAndQuery(URI server) {
    String path =
        server.getRawPath() == null || server.getRawPath().isEmpty() ? "/" : server.getRawPath();
    return server.getRawQuery() == null ? path : path + "?" + server.getRawQuery();
  }
}

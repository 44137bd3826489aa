package io.claribi.connections.control.authorization;

import static io.claribi.connections.control.authorization.AuthorizationException.Reason.VENDOR_REDIRECT_REFUSED;
import static io.claribi.connections.control.authorization.AuthorizationException.Reason.VENDOR_RESPONSE_TOO_LARGE;
import static io.claribi.connections.control.authorization.AuthorizationException.Reason.VENDOR_URL_REFUSED;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import io.claribi.catalog.api.OutboundPolicy;
import io.claribi.platform.api.BoundedBody;
import io.claribi.platform.api.ProblemException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every HTTP exchange of the authorization flow with a vendor: metadata, registration, token and
 * revocation requests. Each URL passes the outbound rules before anything is sent (they are learned
 * from the vendor, so they are untrusted); redirects are never followed; a reply is read up to a
 * size limit and within a time limit.
 */
public final class OAuthHttp {

  /** Metadata, registration and token replies are small; anything near this is not one. */
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024;

  // Response headers the protocol reads; others are not copied into Nimbus' response.
  private static final Set<String> KEPT_HEADERS =
      Set.of("content-type", "www-authenticate", "cache-control", "pragma", "location");

  private final OutboundPolicy outbound;
  private final HttpClient client;
  private final Duration requestTimeout;
  private final int maxResponseBytes;
  private final long retryAfterSeconds;

  public OAuthHttp(
      OutboundPolicy outbound,
      Duration connectTimeout,
      Duration requestTimeout,
      int maxResponseBytes,
      long retryAfterSeconds) {
    this.outbound = outbound;
    this.requestTimeout = requestTimeout;
    this.maxResponseBytes = maxResponseBytes;
    this.retryAfterSeconds = retryAfterSeconds;
    this.client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(connectTimeout)
            .build();
  }

  /**
   * Checks {@code url} against the outbound rules.
   *
   * @param purpose what the URL is for, named in the error (e.g. "token endpoint")
   */
  public URI requireSafe(String url, String purpose) {
    try {
      return outbound.requireSafe(url);
    } catch (ProblemException refused) {
      throw new AuthorizationException(
          VENDOR_URL_REFUSED,
          "The vendor's " + purpose + " " + url + " is refused: " + refused.detail());
    }
  }

  /** Sends a request built with the OAuth SDK and returns its reply for the SDK to parse. */
  public HTTPResponse send(HTTPRequest request, String purpose) {
    URI uri = requireSafe(request.getURI().toString(), purpose);
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(requestTimeout);
    Map<String, List<String>> headers = request.getHeaderMap();
    headers.forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
    String body = request.getBody();
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    builder.method(request.getMethod().name(), publisher);
    if (!headers.containsKey("Accept")) {
      builder.header("Accept", "application/json");
    }
    return exchange(builder.build(), uri, purpose);
  }

  /** A plain GET, for metadata documents. */
  public HTTPResponse get(URI uri, String purpose) {
    return send(new HTTPRequest(HTTPRequest.Method.GET, uri), purpose);
  }

  /**
   * Sends the request and reads the whole reply within the request time-out: the JDK client's own
   * time-out ends at the response headers, so a vendor dripping its body byte by byte would
   * otherwise hold the caller forever. The body is read up to the size limit, then dropped.
   */
  private HTTPResponse exchange(HttpRequest request, URI uri, String purpose) {
    CompletableFuture<HttpResponse<byte[]>> pending =
        client.sendAsync(request, info -> new BoundedBody(maxResponseBytes));
    HttpResponse<byte[]> reply;
    try {
      reply = pending.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw AuthorizationException.unavailable(
          "The vendor's " + purpose + " did not answer in time.", retryAfterSeconds);
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw AuthorizationException.unavailable(
          "Interrupted while waiting for the vendor's " + purpose + ".", retryAfterSeconds);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof BoundedBody.TooLarge) {
        throw new AuthorizationException(
            VENDOR_RESPONSE_TOO_LARGE,
            "The vendor's " + purpose + " sent more than " + maxResponseBytes + " bytes.");
      }
      throw AuthorizationException.unavailable(
          "The vendor's " + purpose + " at " + uri.getHost() + " cannot be reached.",
          retryAfterSeconds);
    }
    int status = reply.statusCode();
    if (status >= 300 && status < 400) {
      throw new AuthorizationException(
          VENDOR_REDIRECT_REFUSED,
          "The vendor's " + purpose + " answered with a redirect (" + status + "), not followed.");
    }
    HTTPResponse response = new HTTPResponse(status);
    reply
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (KEPT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                response.setHeader(name, values.toArray(String[]::new));
              }
            });
    response.setBody(new String(reply.body(), StandardCharsets.UTF_8));
    return response;
  }
}

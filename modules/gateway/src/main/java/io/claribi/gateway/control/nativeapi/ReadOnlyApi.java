package io.claribi.gateway.control.nativeapi;

import io.claribi.gateway.api.VendorErrorException;
import io.claribi.gateway.api.VendorUnavailableException;
import io.claribi.platform.api.BoundedBody;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The only HTTP the native connectors have, and it can only read: {@link #get} and {@link #query},
 * a POST accepted only on the vendors' documented query endpoints. There is no way to send a PUT,
 * PATCH or DELETE, or a POST anywhere else (NativeReadOnlyArchitectureTest).
 *
 * <p>One instance serves one call: one vendor base URI, one access token, fixed extra headers.
 */
final class ReadOnlyApi {

  /**
   * POST endpoints that only read: Analytics Data {@code runReport} and Google Ads {@code
   * GoogleAdsService.Search}, whose bodies are queries.
   */
  static final List<Pattern> QUERY_ENDPOINTS =
      List.of(
          Pattern.compile("/v1beta/properties/[0-9]+:runReport"),
          Pattern.compile("/v[0-9]+/customers/[0-9]+/googleAds:search"));

  // Segments of unreserved characters, percent escapes and the colon of Google's custom methods.
  private static final Pattern SAFE_PATH =
      Pattern.compile("(/[A-Za-z0-9_~%:-][A-Za-z0-9._~%:-]*)+");

  private static final JsonMapper JSON = JsonMapper.shared();

  private final HttpClient client;
  private final NativeLimits limits;
  private final String vendor;
  private final URI base;
  private final Supplier<String> accessToken;
  private final Map<String, String> headers;

  ReadOnlyApi(
      HttpClient client,
      NativeLimits limits,
      String vendor,
      URI base,
      Supplier<String> accessToken,
      Map<String, String> headers) {
    this.client = client;
    this.limits = limits;
    this.vendor = vendor;
    this.base = requireBase(base);
    this.accessToken = accessToken;
    this.headers = Map.copyOf(headers);
  }

  /** Percent-encodes one path segment or query value (spaces as {@code %20}). */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** GET {@code base + path} with the query parameters in the order given. */
  JsonNode get(String path, Map<String, String> query) {
    return send(HttpRequest.newBuilder(uri(path, query)).GET());
  }

  /** POST a JSON query to one of the {@link #QUERY_ENDPOINTS}. */
  JsonNode query(String path, JsonNode body) {
    if (QUERY_ENDPOINTS.stream().noneMatch(endpoint -> endpoint.matcher(path).matches())) {
      throw new IllegalArgumentException("not a documented read-only query endpoint: " + path);
    }
    String json = JSON.writeValueAsString(body);
    return send(
        HttpRequest.newBuilder(uri(path, Map.of()))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  private URI uri(String path, Map<String, String> query) {
    if (!SAFE_PATH.matcher(path).matches() || path.contains("/..") || path.contains("/./")) {
      throw new IllegalArgumentException("not a plain path: " + path);
    }
    StringJoiner parameters = new StringJoiner("&", "?", "").setEmptyValue("");
    query.forEach((name, value) -> parameters.add(encode(name) + "=" + encode(value)));
    String prefix = base.toString().replaceAll("/+$", "");
    URI uri = URI.create(prefix + path + parameters);
    // Belt and braces: whatever was built stays on the vendor's scheme, host and port.
    if (!uri.getScheme().equals(base.getScheme())
        || !uri.getRawAuthority().equals(base.getRawAuthority())) {
      throw new IllegalArgumentException("a path left the vendor's origin: " + path);
    }
    return uri;
  }

  private JsonNode send(HttpRequest.Builder request) {
    String token = accessToken.get();
    if (token == null || token.isBlank() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
      throw new VendorErrorException(
          "VENDOR_AUTHORIZATION_FAILED",
          "No usable access token for " + vendor + "; nothing sent.");
    }
    request.timeout(limits.callTimeout()).header("Accept", "application/json");
    request.header("Authorization", "Bearer " + token);
    headers.forEach(request::header);
    HttpResponse<byte[]> reply = exchange(request.build());
    String body = new String(reply.body(), StandardCharsets.UTF_8);
    if (reply.statusCode() != 200) {
      throw NativeFailures.of(vendor, reply.statusCode(), reply.headers(), body, token, limits);
    }
    return json(reply, body);
  }

  /**
   * The JDK client's time-out ends at the response headers; the whole reply must arrive within the
   * call time-out too, and is dropped once it passes the size limit.
   */
  private HttpResponse<byte[]> exchange(HttpRequest request) {
    BoundedBody body = new BoundedBody(limits.maxResponseBytes());
    CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request, info -> body);
    try {
      return pending.get(limits.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw tooSlow();
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new VendorUnavailableException(
          "Interrupted while waiting for " + vendor + ".", limits.retryAfterSeconds());
    } catch (ExecutionException e) {
      if (body.tooLarge()) {
        throw new VendorErrorException(
            "VENDOR_RESPONSE_TOO_LARGE",
            vendor + " sent more than " + limits.maxResponseBytes() + " bytes; it was dropped.");
      }
      if (causedBy(e, java.net.http.HttpTimeoutException.class)) {
        throw tooSlow();
      }
      throw new VendorUnavailableException(
          vendor + " could not be reached; try again later.", limits.retryAfterSeconds());
    }
  }

  // The client reports a failure wrapped in exceptions of its own.
  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private VendorUnavailableException tooSlow() {
    return new VendorUnavailableException(
        vendor + " did not answer in time; try again later.", limits.retryAfterSeconds());
  }

  private JsonNode json(HttpResponse<byte[]> reply, String body) {
    String type = reply.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    // Graph API answers some clients as text/javascript; its body is JSON all the same.
    boolean json =
        type.startsWith("application/json")
            || type.matches("application/[a-z0-9.+-]*\\+json.*")
            || type.startsWith("text/javascript");
    if (!json) {
      throw new VendorErrorException(
          "VENDOR_RESPONSE_MALFORMED", vendor + " answered with something other than JSON.");
    }
    try {
      return JSON.readTree(body);
    } catch (JacksonException e) {
      throw new VendorErrorException(
          "VENDOR_RESPONSE_MALFORMED", vendor + " sent a reply that is not valid JSON.");
    }
  }

  private static URI requireBase(URI base) {
    if (base == null
        || !("https".equals(base.getScheme()) || "http".equals(base.getScheme()))
        || base.getRawAuthority() == null
        || base.getRawUserInfo() != null
        || base.getRawQuery() != null
        || base.getRawFragment() != null) {
      throw new IllegalArgumentException("a vendor base URI is http(s)://host[:port][/path]");
    }
    return base;
  }
}

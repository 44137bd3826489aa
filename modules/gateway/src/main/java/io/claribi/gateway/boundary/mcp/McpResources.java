package io.claribi.gateway.boundary.mcp;

import io.claribi.gateway.boundary.CallTarget;
import io.claribi.gateway.boundary.ToolCalls;
import io.claribi.gateway.boundary.ToolListing;
import io.claribi.gateway.boundary.mcp.McpResourceUris.NamedSource;
import io.claribi.gateway.boundary.mcp.McpResourceUris.Parsed;
import io.claribi.platform.api.ConnectionId;
import io.claribi.platform.api.ProblemException;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code resources/list} and {@code resources/read} of {@code /mcp}, for every revision: the
 * resources of the organization's active connections whose vendors an operator enabled resources
 * for, under URIs of ours ({@link McpResourceUris}), listed and read through {@link ToolCalls}
 * exactly as {@code GET /api/v1/resources} and {@code POST /api/v1/resources/read} do (plan,
 * connection, the vendor's setting, the lent credential, usage records and audit): no second road
 * (decision 0047).
 */
@ApplicationScoped
public class McpResources {

  static final String NOT_FOUND = "RESOURCE_NOT_FOUND";

  /** 2025-06-18 and 2025-11-25: "resource not found" (2026-07-28 made it -32602). */
  static final int RESOURCE_NOT_FOUND_2025 = -32002;

  /** Pages of one vendor's list read for one {@code resources/list} at the most. */
  static final int MAX_PAGES_PER_SOURCE = 10;

  /** The key in a list's {@code _meta} that names the sources that could not be listed. */
  static final String UNAVAILABLE_META = "io.claribi/unavailableSources";

  private static final McpJsonMapper JSON = McpJsonDefaults.getMapper();
  private static final TypeRef<Map<String, Object>> MAP = new TypeRef<>() {};

  @Inject ToolListing listing;
  @Inject ToolCalls calls;
  @Inject McpTools tools;

  /** Every resource, with the sources that could not be listed (and why) beside them. */
  record Listed(List<Map<String, Object>> resources, List<Map<String, Object>> unavailable) {}

  /**
   * The caller's resources, in URI order. A source whose vendor fails or is refused is left out and
   * named in {@code unavailable} with the problem's code: one vendor down does not hide the others'
   * resources.
   */
  Listed list(McpCaller sender) {
    tools.requireBound(sender);
    List<Map<String, Object>> resources = new ArrayList<>();
    List<Map<String, Object>> unavailable = new ArrayList<>();
    for (NamedSource source : McpResourceUris.name(listing.resourceSources())) {
      try {
        resources.addAll(listed(source));
      } catch (ProblemException problem) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("source", source.name());
        entry.put("code", problem.code());
        entry.put("detail", problem.detail());
        unavailable.add(entry);
      }
    }
    resources.sort(Comparator.comparing(r -> String.valueOf(r.get("uri"))));
    return new Listed(List.copyOf(resources), List.copyOf(unavailable));
  }

  /**
   * The vendor's {@code resources/read} result for one of the caller's resources, its contents'
   * URIs ours again.
   *
   * @throws ResourceNotFound when the URI is not one of ours or names no source of the caller's
   * @throws ProblemException when the gateway refuses the read or the vendor fails
   */
  Map<String, Object> read(McpCaller sender, String uri) {
    tools.requireBound(sender);
    Parsed parsed = McpResourceUris.parse(uri).orElseThrow(() -> new ResourceNotFound(uri));
    NamedSource source =
        McpResourceUris.name(listing.resourceSources()).stream()
            .filter(s -> s.name().equals(parsed.source()))
            .findFirst()
            .orElseThrow(() -> new ResourceNotFound(uri));
    Map<String, Object> result =
        json(calls.readResource(target(source), parsed.vendorUri()).reply().json());
    result.put("contents", withOurUris(source, result.get("contents")));
    return result;
  }

  /** {@code resources/list} of the 2025 revisions. */
  McpSchema.ListResourcesResult list2025(McpCaller sender) {
    Listed listed = on2025(() -> list(sender));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("resources", listed.resources());
    if (!listed.unavailable().isEmpty()) {
      result.put("_meta", Map.of(UNAVAILABLE_META, listed.unavailable()));
    }
    return JSON.convertValue(result, McpSchema.ListResourcesResult.class);
  }

  /** {@code resources/read} of the 2025 revisions. */
  McpSchema.ReadResourceResult read2025(McpCaller sender, Object params) {
    Object uri = params instanceof Map<?, ?> map ? map.get("uri") : null;
    if (!(uri instanceof String named)) {
      throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
          .message("resources/read needs params.uri")
          .build();
    }
    return JSON.convertValue(on2025(() -> read(sender, named)), McpSchema.ReadResourceResult.class);
  }

  /**
   * The 2025 revisions' JSON-RPC errors: an unknown resource is {@code -32002} (their "resource not
   * found"); a refusal or a vendor's failure is {@code -32600} or {@code -32603} with the problem.
   */
  private static <T> T on2025(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (ResourceNotFound unknown) {
      throw McpError.builder(RESOURCE_NOT_FOUND_2025)
          .message(unknown.getMessage())
          .data(Map.of("code", NOT_FOUND))
          .build();
    } catch (ProblemException problem) {
      throw McpError.builder(errorCode(problem))
          .message(problem.title() + ": " + problem.detail())
          .data(McpTools.problemData(problem))
          .build();
    } catch (McpTools.CallerNotBound unbound) {
      throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
          .message(unbound.getMessage())
          .build();
    }
  }

  /** A refusal (4xx) is the client's request; a vendor's or our failure (5xx) is internal. */
  static int errorCode(ProblemException problem) {
    return problem.status() < 500
        ? McpSchema.ErrorCodes.INVALID_REQUEST
        : McpSchema.ErrorCodes.INTERNAL_ERROR;
  }

  private List<Map<String, Object>> listed(NamedSource source) {
    List<Map<String, Object>> resources = new ArrayList<>();
    String cursor = null;
    for (int page = 0; page < MAX_PAGES_PER_SOURCE; page++) {
      Map<String, Object> result = json(calls.listResources(target(source), cursor).reply().json());
      resources.addAll(withOurUris(source, result.get("resources")));
      cursor = result.get("nextCursor") instanceof String next && !next.isEmpty() ? next : null;
      if (cursor == null) {
        break;
      }
    }
    return resources;
  }

  /** Each entry (a resource, or a resource's contents) with its {@code uri} made ours. */
  private static List<Map<String, Object>> withOurUris(NamedSource source, Object entries) {
    List<Map<String, Object>> ours = new ArrayList<>();
    if (entries instanceof List<?> list) {
      for (Object entry : list) {
        if (entry instanceof Map<?, ?> fields && fields.get("uri") instanceof String vendorUri) {
          Map<String, Object> copy = new LinkedHashMap<>();
          fields.forEach((key, value) -> copy.put(String.valueOf(key), value));
          copy.put("uri", McpResourceUris.uri(source.name(), vendorUri));
          ours.add(copy);
        }
      }
    }
    return ours;
  }

  private static CallTarget target(NamedSource source) {
    return CallTarget.connection(ConnectionId.parse(source.source().connectionId()));
  }

  private static Map<String, Object> json(String text) {
    try {
      return new LinkedHashMap<>(JSON.readValue(text, MAP));
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  /** A URI that is not one of the caller's resources; nothing was sent to any vendor. */
  static final class ResourceNotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ResourceNotFound(String uri) {
      super("No resource " + uri + " here; resources/list names them.", null, false, false);
    }
  }
}

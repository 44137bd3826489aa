package io.claribi.gateway.control.allowlist;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks tool arguments against the approved input schema, read as closed ({@link ClosedSchema}):
 * an argument the schema does not declare is refused before the schema is applied. The schema is
 * vendor text: it may never make this server fetch anything, so every {@code $ref} that is not
 * inside the schema itself fails instead of being loaded (no remote fetch, no class path, no
 * files).
 */
@ApplicationScoped
public class ArgumentSchemas {

  private static final Logger LOG = Logger.getLogger(ArgumentSchemas.class.getName());

  /** Compiled schemas by fingerprint: a fingerprint names one exact schema text. */
  private static final int CACHE_LIMIT = 10_000;

  private final JsonMapper json = JsonMapper.shared();
  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemaLoader(
                  loader -> loader.fetchRemoteResources(false).block(iri -> true)));
  private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

  /**
   * @return the arguments as a map for the vendor call, or the reasons they are invalid
   */
  public Checked check(String fingerprint, String schemaJson, String argumentsJson) {
    JsonNode arguments;
    try {
      arguments = json.readTree(argumentsJson == null ? "{}" : argumentsJson);
    } catch (JacksonException e) {
      return Checked.invalid("the arguments are not JSON");
    }
    if (!arguments.isObject()) {
      return Checked.invalid("the arguments must be a JSON object");
    }
    JsonNode schemaNode;
    try {
      schemaNode = json.readTree(schemaJson);
    } catch (JacksonException e) {
      return Checked.invalid("the tool's approved input schema is not JSON");
    }
    Optional<String> undeclared = ClosedSchema.undeclared(schemaNode, arguments);
    if (undeclared.isPresent()) {
      return Checked.invalid(undeclared.get());
    }
    List<Error> errors;
    try {
      errors = schema(fingerprint, schemaNode).validate(arguments);
    } catch (RuntimeException e) {
      // A schema that refers outside itself, or that the validator cannot use, admits nothing.
      // The reason goes to the log only: problem details never name Java classes.
      LOG.log(Level.FINE, "An approved input schema cannot be applied", e);
      return Checked.invalid(
          "the tool's approved input schema cannot be applied (it refers outside itself or is"
              + " not a usable JSON Schema)");
    }
    if (!errors.isEmpty()) {
      return Checked.invalid(
          errors.stream().limit(10).map(Error::toString).collect(Collectors.joining("; ")));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = json.convertValue(arguments, Map.class);
    return new Checked(Optional.of(map), null);
  }

  private Schema schema(String fingerprint, JsonNode schemaNode) {
    if (compiled.size() >= CACHE_LIMIT) {
      compiled.clear();
    }
    return compiled.computeIfAbsent(
        fingerprint,
        key -> registry.getSchema(SchemaLocation.of("urn:claribi:tool-schema:" + key), schemaNode));
  }

  /** Valid arguments as a map, or why not. */
  public record Checked(Optional<Map<String, Object>> arguments, String problem) {

    static Checked invalid(String problem) {
      return new Checked(Optional.empty(), problem);
    }

    public boolean valid() {
      return arguments.isPresent();
    }
  }
}

package io.claribi.platform.boundary;

import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import java.io.File;
import java.io.InputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads every JSON request body of the API, in place of the runtime's JSON-B reader (an
 * application's provider wins over a built-in one): one document and nothing after it, printable
 * text only, and each value of its field's JSON type; only then does JSON-B bind it. One rule for
 * every endpoint, so no resource can forget it.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
public class StrictJsonReader implements MessageBodyReader<Object> {

  private static final Jsonb DEFAULT_JSONB = JsonbBuilder.create();

  @Context Providers providers;

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return isJson(mediaType)
        && type != String.class
        && type != byte[].class
        && type != char[].class
        && !InputStream.class.isAssignableFrom(type)
        && !Reader.class.isAssignableFrom(type)
        && !File.class.isAssignableFrom(type)
        && !EntityPart.class.isAssignableFrom(type)
        && !Form.class.isAssignableFrom(type)
        && !MultivaluedMap.class.isAssignableFrom(type);
  }

  @Override
  public Object readFrom(
      Class<Object> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream) {
    JsonValue document = JsonBodies.parse(entityStream);
    JsonBodies.requirePrintable(document, "");
    Type target = genericType == null ? type : genericType;
    JsonBodies.requireShape(document, target, "");
    if (JsonValue.class.isAssignableFrom(type)) {
      return document;
    }
    return jsonb(type, mediaType).fromJson(document.toString(), target);
  }

  private Jsonb jsonb(Class<?> type, MediaType mediaType) {
    ContextResolver<Jsonb> resolver =
        providers == null ? null : providers.getContextResolver(Jsonb.class, mediaType);
    Jsonb configured = resolver == null ? null : resolver.getContext(type);
    return configured != null ? configured : DEFAULT_JSONB;
  }

  static boolean isJson(MediaType mediaType) {
    if (mediaType == null) {
      return false;
    }
    String subtype = mediaType.getSubtype().toLowerCase(java.util.Locale.ROOT);
    return subtype.equals("json") || subtype.endsWith("+json");
  }
}

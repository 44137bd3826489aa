package io.claribi.platform.boundary;

import io.claribi.platform.api.PrintableText;
import io.claribi.platform.api.ProblemException;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The strict reading of every JSON request body: exactly one JSON document, every text free of
 * control characters ({@link PrintableText}), and every value of the JSON type its field declares
 * (JSON-B would turn {@code 42} into {@code "42"} for a String field; we refuse it instead).
 */
final class JsonBodies {

  /** Looked up once: {@code Json.create…} searches the class path on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  static final String MALFORMED = "MALFORMED_JSON";
  static final String TEXT_INVALID = "TEXT_INVALID";

  private static final Set<Class<?>> NUMBERS =
      Set.of(
          byte.class,
          short.class,
          int.class,
          long.class,
          float.class,
          double.class,
          Byte.class,
          Short.class,
          Integer.class,
          Long.class,
          Float.class,
          Double.class,
          BigDecimal.class,
          BigInteger.class,
          Number.class);

  private JsonBodies() {}

  /** Parses one document and refuses anything after it but white space. */
  static JsonValue parse(InputStream body) {
    try (JsonParser parser = JSON.createParser(body)) {
      if (!parser.hasNext()) {
        throw malformed("The request body is empty; a JSON document is required.");
      }
      parser.next();
      JsonValue document = parser.getValue();
      if (parser.hasNext()) {
        throw malformed("The request body holds more than one JSON document.");
      }
      return document;
    } catch (JsonException | NoSuchElementException | IllegalStateException unreadable) {
      // JsonParsingException is a JsonException; its message can echo the input: not sent back.
      throw malformed("The request body is not valid JSON (or has text after the document).");
    }
  }

  /** Refuses a control character in any string or member name, naming where it is. */
  static void requirePrintable(JsonValue value, String pointer) {
    switch (value.getValueType()) {
      case STRING -> requirePrintable(((JsonString) value).getString(), pointer);
      case ARRAY -> {
        JsonArray array = value.asJsonArray();
        for (int i = 0; i < array.size(); i++) {
          requirePrintable(array.get(i), pointer + "/" + i);
        }
      }
      case OBJECT -> {
        for (Map.Entry<String, JsonValue> member : value.asJsonObject().entrySet()) {
          requirePrintable(member.getKey(), pointer + "/(member name)");
          requirePrintable(member.getValue(), pointer + "/" + escape(member.getKey()));
        }
      }
      default -> {
        // numbers, booleans and null carry no text
      }
    }
  }

  private static void requirePrintable(String text, String pointer) {
    PrintableText.firstRefused(text)
        .ifPresent(
            c -> {
              throw ProblemException.badRequest(
                  TEXT_INVALID,
                  String.format(
                      "%s contains the character U+%04X; text accepts no control characters"
                          + " except tab and line breaks.",
                      where(pointer), c));
            });
  }

  /** Refuses a value whose JSON type is not the one the target field declares. */
  static void requireShape(JsonValue value, Type target, String pointer) {
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return;
    }
    Class<?> raw = raw(target);
    if (raw == Object.class || JsonValue.class.equals(raw)) {
      return;
    }
    if (JsonValue.class.isAssignableFrom(raw)) {
      expect(raw.isInstance(value), pointer, jsonTypeOf(raw));
    } else if (raw == String.class || raw == char.class || raw == Character.class) {
      expect(value instanceof JsonString, pointer, "a string");
    } else if (raw.isEnum()) {
      expect(value instanceof JsonString, pointer, "a string");
    } else if (NUMBERS.contains(raw)) {
      expect(value instanceof JsonNumber, pointer, "a number");
    } else if (raw == boolean.class || raw == Boolean.class) {
      expect(value == JsonValue.TRUE || value == JsonValue.FALSE, pointer, "true or false");
    } else if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
      expect(value instanceof JsonArray, pointer, "an array");
      Type element = elementType(target, raw);
      JsonArray array = value.asJsonArray();
      for (int i = 0; i < array.size(); i++) {
        requireShape(array.get(i), element, pointer + "/" + i);
      }
    } else if (Map.class.isAssignableFrom(raw)) {
      expect(value instanceof JsonObject, pointer, "an object");
      Type member = typeArgument(target, 1);
      value.asJsonObject().forEach((k, v) -> requireShape(v, member, pointer + "/" + escape(k)));
    } else if (raw.isRecord()) {
      expect(value instanceof JsonObject, pointer, "an object");
      for (RecordComponent component : raw.getRecordComponents()) {
        if (!component.isAnnotationPresent(JsonbTransient.class)) {
          member(value.asJsonObject(), jsonName(component), component.getGenericType(), pointer);
        }
      }
    } else if (!raw.getName().startsWith("java.")) {
      expect(value instanceof JsonObject, pointer, "an object");
      for (Class<?> c = raw; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          if (!Modifier.isStatic(field.getModifiers())
              && !Modifier.isTransient(field.getModifiers())
              && !field.isAnnotationPresent(JsonbTransient.class)) {
            member(value.asJsonObject(), jsonName(field), field.getGenericType(), pointer);
          }
        }
      }
    }
    // other JDK types (dates, URIs, ...) are left to JSON-B's own parsing of their text
  }

  private static void member(JsonObject object, String name, Type type, String pointer) {
    JsonValue member = object.get(name);
    if (member != null) {
      requireShape(member, type, pointer + "/" + escape(name));
    }
  }

  private static String jsonName(RecordComponent component) {
    JsonbProperty property = component.getAnnotation(JsonbProperty.class);
    if (property == null) {
      try {
        property =
            component
                .getDeclaringRecord()
                .getDeclaredField(component.getName())
                .getAnnotation(JsonbProperty.class);
      } catch (NoSuchFieldException impossible) {
        property = null;
      }
    }
    return property != null && !property.value().isEmpty() ? property.value() : component.getName();
  }

  private static String jsonName(Field field) {
    JsonbProperty property = field.getAnnotation(JsonbProperty.class);
    return property != null && !property.value().isEmpty() ? property.value() : field.getName();
  }

  private static void expect(boolean holds, String pointer, String what) {
    if (!holds) {
      throw malformed(where(pointer) + " must be " + what + ".");
    }
  }

  private static String jsonTypeOf(Class<?> jsonValueType) {
    if (JsonObject.class.isAssignableFrom(jsonValueType)) {
      return "an object";
    }
    if (JsonArray.class.isAssignableFrom(jsonValueType)) {
      return "an array";
    }
    if (JsonString.class.isAssignableFrom(jsonValueType)) {
      return "a string";
    }
    return JsonNumber.class.isAssignableFrom(jsonValueType) ? "a number" : "a JSON value";
  }

  static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return raw(p.getRawType());
    }
    if (type instanceof GenericArrayType a) {
      return java.lang.reflect.Array.newInstance(raw(a.getGenericComponentType()), 0).getClass();
    }
    if (type instanceof WildcardType w) {
      return raw(w.getUpperBounds()[0]);
    }
    return Object.class; // a type variable: nothing to check
  }

  private static Type elementType(Type target, Class<?> raw) {
    if (raw.isArray()) {
      return target instanceof GenericArrayType a
          ? a.getGenericComponentType()
          : raw.getComponentType();
    }
    return typeArgument(target, 0);
  }

  private static Type typeArgument(Type target, int index) {
    return target instanceof ParameterizedType p && p.getActualTypeArguments().length > index
        ? p.getActualTypeArguments()[index]
        : Object.class;
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  /** A JSON Pointer for people: the whole body is "the request body". */
  private static String where(String pointer) {
    return pointer.isEmpty() ? "The request body" : "The field " + pointer;
  }

  static ProblemException malformed(String detail) {
    return new ProblemException(400, MALFORMED, "Malformed JSON", detail);
  }
}

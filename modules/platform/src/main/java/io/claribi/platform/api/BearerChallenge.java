package io.claribi.platform.api;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of a {@code Bearer} challenge in a {@code WWW-Authenticate} header (RFC 6750 §3,
 * RFC 9728 §5.1): {@code resource_metadata}, {@code scope}, {@code error}. Parameter names are
 * case-insensitive; values are tokens or quoted strings. Other schemes in the same header are
 * skipped.
 */
public record BearerChallenge(Map<String, String> parameters) {

  public BearerChallenge {
    parameters = Map.copyOf(parameters);
  }

  public Optional<String> resourceMetadata() {
    return Optional.ofNullable(parameters.get("resource_metadata"));
  }

  public Optional<String> scope() {
    return Optional.ofNullable(parameters.get("scope")).filter(s -> !s.isBlank());
  }

  public Optional<String> error() {
    return Optional.ofNullable(parameters.get("error"));
  }

  /** The Bearer challenge of a header value, if it has one. */
  public static Optional<BearerChallenge> parse(String header) {
    if (header == null) {
      return Optional.empty();
    }
    Parser parser = new Parser(header);
    while (parser.more()) {
      String scheme = parser.token();
      if (scheme.isEmpty()) {
        return Optional.empty();
      }
      Map<String, String> parameters = parser.parameters();
      if (scheme.equalsIgnoreCase("Bearer")) {
        return Optional.of(new BearerChallenge(parameters));
      }
    }
    return Optional.empty();
  }

  /** A small RFC 7235 reader: challenges separated by commas, each with auth-params. */
  private static final class Parser {
    private final String in;
    private int at;

    Parser(String in) {
      this.in = in;
    }

    boolean more() {
      skip();
      return at < in.length();
    }

    Map<String, String> parameters() {
      Map<String, String> parameters = new HashMap<>();
      while (true) {
        skip();
        int start = at;
        String name = token();
        skipSpaces();
        if (name.isEmpty() || at >= in.length() || in.charAt(at) != '=') {
          at = start; // the next challenge's scheme (or the end)
          return parameters;
        }
        at++;
        skipSpaces();
        String value = at < in.length() && in.charAt(at) == '"' ? quoted() : bare();
        parameters.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
      }
    }

    String token() {
      int start = at;
      while (at < in.length() && isTokenChar(in.charAt(at))) {
        at++;
      }
      return in.substring(start, at);
    }

    // Lenient: servers send unquoted URLs, which are not RFC 7230 tokens.
    private String bare() {
      int start = at;
      while (at < in.length() && in.charAt(at) != ',' && !Character.isWhitespace(in.charAt(at))) {
        at++;
      }
      return in.substring(start, at);
    }

    private String quoted() {
      StringBuilder value = new StringBuilder();
      at++; // opening quote
      while (at < in.length() && in.charAt(at) != '"') {
        char c = in.charAt(at++);
        if (c == '\\' && at < in.length()) {
          c = in.charAt(at++);
        }
        value.append(c);
      }
      at++; // closing quote
      return value.toString();
    }

    private void skip() {
      while (at < in.length() && (in.charAt(at) == ',' || Character.isWhitespace(in.charAt(at)))) {
        at++;
      }
    }

    private void skipSpaces() {
      while (at < in.length() && in.charAt(at) == ' ') {
        at++;
      }
    }

    private static boolean isTokenChar(char c) {
      return c > ' ' && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }
  }
}

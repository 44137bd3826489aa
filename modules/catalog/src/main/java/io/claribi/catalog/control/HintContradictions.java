package io.claribi.catalog.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a tool's annotations (the vendor's unverified hints) contradict its own name or
 * description: {@code readOnlyHint: true} on {@code archive_customer}, or {@code destructiveHint:
 * false} on a tool whose description says it deletes. The answer is sentences for the operator who
 * reviews the tool; it never allows or blocks anything, as hints never do.
 *
 * <p>Words are matched, not understood: a write verb counts in the name as its first word (or its
 * last, when the first is not a reading verb: {@code customer_delete}); in the description where a
 * verb stands (at the start of a sentence, after "it", "to", "will", "also"…, or after "and"/"or"
 * when an object follows), so that "Lists charges and refunds" is not read as a refund.
 */
public final class HintContradictions {

  /** Verbs of writing, in their base form. */
  static final Set<String> WRITES =
      Set.of(
          "delete",
          "remove",
          "create",
          "update",
          "write",
          "send",
          "archive",
          "refund",
          "cancel",
          "charge",
          "set",
          "add",
          "post",
          "put",
          "patch",
          "insert",
          "modify",
          "revoke",
          "pay",
          "upsert",
          "destroy",
          "drop",
          "erase",
          "purge",
          "edit",
          "transfer",
          "submit",
          "publish",
          "disable",
          "suspend",
          "deactivate",
          "unsubscribe",
          "overwrite",
          "replace",
          "rename",
          "move",
          "upload",
          "approve",
          "reject",
          "assign",
          "invite");

  /** The writes that destroy, which {@code destructiveHint: false} denies. */
  static final Set<String> DESTROYS =
      Set.of("delete", "remove", "destroy", "drop", "erase", "purge", "revoke", "overwrite");

  /** A name starting with one of these reads, whatever its last word: {@code get_refund}. */
  static final Set<String> READS =
      Set.of(
          "get",
          "list",
          "read",
          "fetch",
          "retrieve",
          "search",
          "find",
          "query",
          "describe",
          "show",
          "count",
          "lookup",
          "view",
          "check",
          "preview",
          "export",
          "download",
          "run");

  /** After these a write verb is a verb: "it deletes", "to delete", "will send". */
  private static final Set<String> SUBJECTS =
      Set.of(
          "it",
          "this",
          "that",
          "which",
          "to",
          "will",
          "can",
          "may",
          "might",
          "also",
          "then",
          "you",
          "we",
          "tool",
          "endpoint",
          "permanently",
          "immediately",
          "automatically");

  /** After "and"/"or" a write verb counts only when an object follows: "and deletes the …". */
  private static final Set<String> JOINS = Set.of("and", "or");

  private static final Set<String> OBJECTS =
      Set.of(
          "a", "an", "the", "its", "their", "his", "her", "all", "every", "any", "each", "them",
          "it", "one", "one's", "your", "these", "those", "that", "this");

  /** At a sentence's start, these after the word make it a noun: "Charges are listed …". */
  private static final Set<String> NOUN_FOLLOWERS =
      Set.of("are", "is", "were", "was", "of", "and", "or", "in", "from", "by", "with", "for");

  private static final Pattern WORD = Pattern.compile("[\\p{L}']+|[.!?;:\\n]");
  private static final Pattern NAME_WORDS =
      Pattern.compile("[^\\p{Alnum}]+|(?<=\\p{Ll})(?=\\p{Lu})");
  private static final int QUOTE_LIMIT = 160;

  private HintContradictions() {}

  /**
   * The contradictions, one sentence each, the name's before the description's; none when the
   * vendor sent no read-only or non-destructive claim, or nothing contradicts it.
   */
  public static List<String> of(String name, String description, JsonValue hints) {
    boolean readOnly = claims(hints, "readOnlyHint", true);
    boolean notDestructive = !readOnly && claims(hints, "destructiveHint", false);
    if (!readOnly && !notDestructive) {
      return List.of();
    }
    Set<String> contradicted = readOnly ? WRITES : DESTROYS;
    String claim =
        readOnly
            ? "The vendor marks this tool read-only"
            : "The vendor marks this tool as not destructive";
    List<String> found = new ArrayList<>();
    nameVerb(name == null ? "" : name, contradicted)
        .ifPresent(
            verb ->
                found.add(
                    claim + ", but its name, " + name + ", says it " + thirdPerson(verb) + "."));
    descriptionVerb(description == null ? "" : description, contradicted)
        .ifPresent(
            hit ->
                found.add(
                    claim
                        + ", but its description says it "
                        + thirdPerson(hit.verb())
                        + ": “"
                        + hit.sentence()
                        + "”"));
    return List.copyOf(found);
  }

  /** A JSON boolean, or the same written as a string (a claim all the same). */
  private static boolean claims(JsonValue hints, String hint, boolean value) {
    if (!(hints instanceof JsonObject object) || !object.containsKey(hint)) {
      return false;
    }
    JsonValue claimed = object.get(hint);
    if (claimed instanceof JsonString text) {
      return text.getString().strip().equalsIgnoreCase(String.valueOf(value));
    }
    return claimed.getValueType() == (value ? JsonValue.ValueType.TRUE : JsonValue.ValueType.FALSE);
  }

  static Optional<String> nameVerb(String name, Set<String> verbs) {
    List<String> words =
        List.of(NAME_WORDS.split(name.strip())).stream()
            .filter(w -> !w.isEmpty())
            .map(w -> w.toLowerCase(Locale.ROOT))
            .toList();
    if (words.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> first = base(words.get(0), verbs);
    if (first.isPresent() || READS.contains(words.get(0)) || words.size() == 1) {
      return first;
    }
    return base(words.get(words.size() - 1), verbs);
  }

  record Hit(String verb, String sentence) {}

  static Optional<Hit> descriptionVerb(String description, Set<String> verbs) {
    List<Token> tokens = tokens(description);
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.stop()) {
        continue;
      }
      Optional<String> verb = base(token.lower(), verbs);
      if (verb.isPresent() && standsAsVerb(tokens, i)) {
        return Optional.of(new Hit(verb.get(), sentence(description, token.start())));
      }
    }
    return Optional.empty();
  }

  private static boolean standsAsVerb(List<Token> tokens, int i) {
    String next = i + 1 < tokens.size() ? tokens.get(i + 1).lower() : ".";
    if (i == 0 || tokens.get(i - 1).stop()) {
      return !NOUN_FOLLOWERS.contains(next) && !next.equals(".");
    }
    String before = tokens.get(i - 1).lower();
    if (SUBJECTS.contains(before)) {
      return true;
    }
    return JOINS.contains(before) && OBJECTS.contains(next);
  }

  /** The word's base form if it is one of the verbs: "archives" and "modifies" included. */
  static Optional<String> base(String word, Set<String> verbs) {
    List<String> candidates = new ArrayList<>(List.of(word));
    if (word.endsWith("ies")) {
      candidates.add(word.substring(0, word.length() - 3) + "y");
    }
    if (word.endsWith("es")) {
      candidates.add(word.substring(0, word.length() - 2));
    }
    if (word.endsWith("s")) {
      candidates.add(word.substring(0, word.length() - 1));
    }
    return candidates.stream().filter(verbs::contains).findFirst();
  }

  /** "archives", "patches", "modifies", "pays". */
  static String thirdPerson(String verb) {
    if (verb.matches(".*(s|sh|ch|x|z)")) {
      return verb + "es";
    }
    if (verb.matches(".*[^aeiou]y")) {
      return verb.substring(0, verb.length() - 1) + "ies";
    }
    return verb + "s";
  }

  private record Token(String lower, int start, boolean stop) {}

  private static List<Token> tokens(String text) {
    List<Token> tokens = new ArrayList<>();
    Matcher words = WORD.matcher(text);
    while (words.find()) {
      String word = words.group();
      boolean stop = word.length() == 1 && ".!?;:\n".contains(word);
      tokens.add(new Token(word.toLowerCase(Locale.ROOT), words.start(), stop));
    }
    return tokens;
  }

  /** The sentence around a position, shortened to a quotable length. */
  private static String sentence(String text, int at) {
    int start = at;
    while (start > 0 && ".!?\n".indexOf(text.charAt(start - 1)) < 0) {
      start--;
    }
    int end = at;
    while (end < text.length() && ".!?\n".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    if (end < text.length() && text.charAt(end) != '\n') {
      end++; // keep the full stop
    }
    String sentence = text.substring(start, end).strip();
    return sentence.length() <= QUOTE_LIMIT
        ? sentence
        : sentence.substring(0, QUOTE_LIMIT - 1).strip() + "…";
  }
}

package io.claribi.credentials.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** The Fernet specification's test vectors, read from the shared test data (never edited). */
final class FernetVectors {

  private static final Path FOLDER =
      Path.of(System.getProperty("fernet.vectors", "../../../shared/testdata/fernet"));

  static List<JsonObject> load(String name) {
    Path file = FOLDER.resolve(name);
    try (Reader reader = Files.newBufferedReader(file)) {
      return Json.createReader(reader).readArray().getValuesAs(JsonObject.class);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Fernet test vectors not found at " + file.toAbsolutePath(), e);
    }
  }

  static Instant instant(JsonObject vector, String field) {
    return OffsetDateTime.parse(vector.getString(field)).toInstant();
  }

  private FernetVectors() {}
}

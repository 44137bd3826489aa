package io.claribi.platform.api;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Stores an {@link Instant} in a plain TIMESTAMP column, the one type Derby and PostgreSQL share.
 * The server runs in UTC (jvm.options), so the column holds UTC wall-clock time.
 */
@Converter
public class UtcInstantConverter implements AttributeConverter<Instant, Timestamp> {

  @Override
  public Timestamp convertToDatabaseColumn(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  @Override
  public Instant convertToEntityAttribute(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}

package io.claribi.demovendor.data;

import java.util.List;

/** One page of a list, shaped like a payments API list: the items and whether more follow. */
public record Page<T>(String object, List<T> data, boolean hasMore) {

  static <T> Page<T> of(List<T> items, boolean hasMore) {
    return new Page<>("list", List.copyOf(items), hasMore);
  }
}

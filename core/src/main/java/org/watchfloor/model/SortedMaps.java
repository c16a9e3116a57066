package org.watchfloor.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Immutable copies of the string-keyed maps of the domain records, iterated in key order.
 *
 * <p>Why not {@link Map#copyOf}: its iteration order is salted anew in every JVM, so the JSON
 * contracts written from these maps (an event's attributes, an article's extra fields) came out
 * in another order from run to run, from one process to the next on the same store, and from
 * one backend to the other for the same input.
 */
final class SortedMaps {

  private SortedMaps() {}

  /** A copy of {@code map} in key order; like {@link Map#copyOf}, no null key or value. */
  static <V> Map<String, V> copyOf(Map<String, V> map) {
    TreeMap<String, V> sorted = new TreeMap<>();
    map.forEach((k, v) -> sorted.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, "value of " + k)));
    return Collections.unmodifiableMap(sorted);
  }
}

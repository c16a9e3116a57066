package org.watchfloor.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** JSON text for the list and map columns of the store. */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<List<String>> LIST = new TypeReference<>() {};
  private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

  private Json() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON for " + value.getClass(), e);
    }
  }

  static List<String> list(String json) {
    return read(json, LIST);
  }

  static Map<String, String> map(String json) {
    return read(json, MAP);
  }

  /**
   * A reader per type, made once: the mapper's {@code readValue(String, TypeReference)} resolves
   * the type again on every call, a third of the cost of reading an event row's small JSON columns
   * when the workbench lists events. The types are the stores' constants, so the map stays small.
   */
  private static final Map<TypeReference<?>, ObjectReader> READERS = new ConcurrentHashMap<>();

  static <T> T read(String json, TypeReference<T> type) {
    try {
      return READERS.computeIfAbsent(type, MAPPER::readerFor).readValue(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt JSON column: " + e.getOriginalMessage(), e);
    }
  }
}

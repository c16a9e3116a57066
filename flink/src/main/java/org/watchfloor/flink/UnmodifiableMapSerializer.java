package org.watchfloor.flink;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;

/**
 * Kryo's serializer for the JDK's unmodifiable map ({@code Collections.unmodifiableMap}), which the
 * core's records hold (an article's metadata, a report's attributes: {@code SortedMaps.copyOf}):
 * Kryo's own map serializer makes an empty wrapper without the map it wraps and fails on it, so
 * the entries are written as a {@link LinkedHashMap}, in their order, and wrapped again on reading.
 * Needed where the stages' values cross a network shuffle, as the extracted articles do on their
 * way to the writer of their block ({@link CandidateBlock}); between chained operators they are
 * handed on by reference. Written by hand because neither Flink nor Kryo 5 ships one.
 */
public final class UnmodifiableMapSerializer extends Serializer<Map<Object, Object>> {

  /** The JDK's class of an unmodifiable map (a private nested class of {@link Collections}). */
  static final Class<?> TYPE = Collections.unmodifiableMap(new HashMap<>()).getClass();

  public UnmodifiableMapSerializer() {
    setImmutable(true); // a copy of an unmodifiable map is the map
  }

  /**
   * The configuration that makes it Kryo's serializer of unmodifiable maps ({@code
   * pipeline.serialization-config}), for a job's environment or a test's serializer config.
   */
  static Configuration configuration() {
    Configuration c = new Configuration();
    c.set(PipelineOptions.SERIALIZATION_CONFIG, List.of(
        TYPE.getName() + ": {type: kryo, kryo-type: default, class: " + UnmodifiableMapSerializer.class.getName() + "}"));
    return c;
  }

  @Override
  public void write(Kryo kryo, Output output, Map<Object, Object> map) {
    kryo.writeObject(output, new LinkedHashMap<>(map));
  }

  @Override
  public Map<Object, Object> read(Kryo kryo, Input input, Class<? extends Map<Object, Object>> type) {
    @SuppressWarnings("unchecked")
    Map<Object, Object> entries = kryo.readObject(input, LinkedHashMap.class);
    return Collections.unmodifiableMap(entries);
  }
}

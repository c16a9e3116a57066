package org.watchfloor.serve.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The event contract's JSON of recently asked events, so that an event asked again is not read
 * and written again: its reports, their articles (whose text locates each claim's sentence) and
 * the edit log cost far more than the event row. An entry holds while the event's change
 * sequence and the store's record version ({@code Store#recordVersion}) are those it was made
 * under; any write of the event, edit or re-processing changes one of them. Least recently used
 * entries go first beyond {@link #CAPACITY}.
 */
final class EventJsonCache {

  /** Events kept: a few kilobytes each. */
  static final int CAPACITY = 4096;

  private record Cached(long changeSeq, String version, byte[] json) {}

  private final Map<String, Cached> entries = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
      return size() > CAPACITY;
    }
  };

  synchronized byte @Nullable [] get(String id, long changeSeq, String version) {
    Cached e = entries.get(id);
    return e != null && e.changeSeq() == changeSeq && e.version().equals(version) ? e.json() : null;
  }

  synchronized void put(String id, long changeSeq, String version, byte[] json) {
    entries.put(id, new Cached(changeSeq, version, json));
  }

  synchronized int size() {
    return entries.size();
  }
}

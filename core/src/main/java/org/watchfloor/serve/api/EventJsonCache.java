package org.watchfloor.serve.api;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import org.jspecify.annotations.Nullable;

/**
 * The event contract's JSON of recently asked events, with its entity tag, so that an event
 * asked again is not read, written or hashed again: its reports, their articles (whose text
 * locates each claim's sentence) and the edit log cost far more than the event row. An entry
 * holds while the event's change sequence and the store's record version ({@code
 * Store#recordVersion}) are those it was made under; any write of the event, edit or
 * re-processing changes one of them. Bounded by bytes, not by a number of events: an event's
 * JSON runs from a few hundred bytes to tens of kilobytes as its reports grow, and a load on a
 * large store touches more events than a fixed count kept while their bytes would fit. Guava's
 * cache (already a dependency, for the public suffix list) weighs and evicts, least recently
 * used first, without one lock for all readers; it splits the bound among its segments (four by
 * default), so eviction begins when one segment's share is full, a little before the whole bound.
 */
final class EventJsonCache {

  /** An event's JSON and its strong entity tag (a hash of those bytes). */
  record Json(byte[] bytes, String etag) {

    static Json of(byte[] bytes) {
      return new Json(bytes, ApiRoutes.etag(bytes));
    }
  }

  private record Cached(long changeSeq, String version, Json json) {}

  /**
   * Bytes an entry costs beyond its JSON: the key, the tag, the version string and the objects
   * holding them, and the cache's own node; measured roughly, so that many small events do not
   * hold far more heap than the bound says.
   */
  static final int ENTRY_OVERHEAD = 320;

  /**
   * The bound when none is given: a sixteenth of the largest heap, between 16 MB and 512 MB. The
   * rest of the heap serves requests, searches (Lucene's readers and collectors), exports and an
   * ingest running beside. An event's JSON averaged 6.4 kB (median 4.9 kB, largest 26 kB) on a
   * 30 k-article synthetic store, so a sixteenth of the default heap (a quarter of the memory; 6 GB
   * here gives 395 MB) keeps every event a load touches on a 100 k-article store (some 7,000, about
   * 50 MB) with room to spare, and the 16 MB floor of a small heap ({@code -Xmx256m}) still some
   * 2,400. Above 512 MB the store's own page cache serves misses well enough.
   */
  static long defaultBytes() {
    return Math.clamp(Runtime.getRuntime().maxMemory() / 16, 16L << 20, 512L << 20);
  }

  private final Cache<String, Cached> entries;
  private final long maxBytes;

  /** A cache of at most {@link #defaultBytes()}. */
  EventJsonCache() {
    this(defaultBytes());
  }

  /** A cache holding at most about {@code maxBytes} of JSON and its entries' overhead. */
  EventJsonCache(long maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    this.maxBytes = maxBytes;
    this.entries = CacheBuilder.newBuilder()
        .maximumWeight(maxBytes)
        .weigher((String id, Cached c) -> weight(id, c))
        .build();
  }

  private static int weight(String id, Cached c) {
    long bytes = (long) c.json().bytes().length + 2L * (id.length() + c.version().length() + c.json().etag().length())
        + ENTRY_OVERHEAD;
    return (int) Math.min(Integer.MAX_VALUE, bytes);
  }

  /** The JSON of event {@code id} if it was made at this change sequence and record version. */
  @Nullable Json get(String id, long changeSeq, String version) {
    Cached e = entries.getIfPresent(id);
    return e != null && e.changeSeq() == changeSeq && e.version().equals(version) ? e.json() : null;
  }

  /** Keeps {@code json} of event {@code id} as made at this change sequence and record version. */
  void put(String id, long changeSeq, String version, Json json) {
    entries.put(id, new Cached(changeSeq, version, json));
  }

  long size() {
    return entries.size();
  }

  /** The weight of what is kept, in bytes as {@link #ENTRY_OVERHEAD} counts them. */
  long bytes() {
    return entries.asMap().entrySet().stream().mapToLong(e -> weight(e.getKey(), e.getValue())).sum();
  }

  long maxBytes() {
    return maxBytes;
  }
}

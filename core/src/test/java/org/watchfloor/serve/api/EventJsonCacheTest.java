package org.watchfloor.serve.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The event JSON cache is bounded by the bytes it holds, not by a number of events: many small
 * events all stay while they fit, a few large ones push older ones out, and an entry answers only
 * for the change sequence and record version it was made under.
 */
class EventJsonCacheTest {

  private static EventJsonCache.Json json(String id, int size) {
    StringBuilder sb = new StringBuilder("{\"id\":\"" + id + "\",\"summary\":\"");
    while (sb.length() < size - 2) {
      sb.append('x');
    }
    return EventJsonCache.Json.of(sb.append("\"}").toString().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void smallEventsAreNotCountedOutBeforeTheirBytesFillIt() {
    // more events than the old bound of 4,096, a few megabytes in all
    EventJsonCache cache = new EventJsonCache(16L << 20);
    for (int i = 0; i < 7000; i++) {
      cache.put("e" + i, 1, "v", json("e" + i, 600));
    }
    for (int i = 0; i < 7000; i++) {
      assertThat(cache.get("e" + i, 1, "v")).as("e" + i).isNotNull();
    }
    assertThat(cache.size()).isEqualTo(7000);
  }

  @Test
  void largeEventsPushTheLeastRecentlyUsedOut() {
    long max = 1L << 20;
    EventJsonCache cache = new EventJsonCache(max);
    for (int i = 0; i < 200; i++) {
      cache.put("e" + i, 1, "v", json("e" + i, 40_000));
    }
    assertThat(cache.bytes()).isLessThanOrEqualTo(max);
    // a megabyte holds some twenty of 40 kB, not 200, and not none
    assertThat(cache.size()).isBetween(5L, 26L);
    assertThat(cache.get("e199", 1, "v")).isNotNull();
    assertThat(cache.get("e0", 1, "v")).isNull();
  }

  @Test
  void theSmallOverheadOfAnEntryCounts() {
    // ten thousand empty events still weigh their keys, tags and nodes: they do not all fit in 1 MB
    EventJsonCache cache = new EventJsonCache(1L << 20);
    for (int i = 0; i < 10_000; i++) {
      cache.put("e" + i, 1, "v", json("e" + i, 10));
    }
    assertThat(cache.bytes()).isLessThanOrEqualTo(1L << 20);
    assertThat(cache.size()).isLessThan(10_000L);
  }

  @Test
  void anEntryAnswersOnlyForTheVersionsItWasMadeAt() {
    EventJsonCache cache = new EventJsonCache(1L << 20);
    EventJsonCache.Json made = json("e1", 100);
    cache.put("e1", 7, "3:abc", made);
    assertThat(cache.get("e1", 7, "3:abc")).isSameAs(made);
    assertThat(cache.get("e1", 8, "3:abc")).as("the event was written since").isNull();
    assertThat(cache.get("e1", 7, "4:abc")).as("a re-processing or an edit since").isNull();
    assertThat(cache.get("e2", 7, "3:abc")).isNull();
    EventJsonCache.Json remade = json("e1", 120);
    cache.put("e1", 8, "3:abc", remade);
    assertThat(cache.get("e1", 8, "3:abc")).isSameAs(remade);
    assertThat(cache.get("e1", 7, "3:abc")).isNull();
  }

  @Test
  void theTagIsTheHashOfTheBytes() {
    EventJsonCache.Json a = json("e1", 100);
    assertThat(a.etag()).isEqualTo(ApiRoutes.etag(a.bytes())).matches("\"[0-9a-f]{32}\"");
    assertThat(json("e2", 100).etag()).isNotEqualTo(a.etag());
  }

  @Test
  void theDefaultBoundFollowsTheHeap() {
    assertThat(EventJsonCache.defaultBytes()).isBetween(16L << 20, 512L << 20);
    assertThat(new EventJsonCache().maxBytes()).isEqualTo(EventJsonCache.defaultBytes());
    assertThatThrownBy(() -> new EventJsonCache(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
  }
}

package org.watchfloor.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What each feed's server said last time — its ETag and Last-Modified — so that the next poll is
 * a conditional GET, and which of its items were read, so that a feed that changed costs the
 * fetch of its new items only. Kept in memory, and in a small properties file when one is given,
 * so that {@code run} does not re-download every feed after a restart.
 */
public final class FeedStates {

  /**
   * The validators of one feed's last answer, either of which may be absent, and the items of it
   * that were read ({@link FeedSource#itemKey}: an item's link and date).
   */
  public record State(@Nullable String etag, @Nullable String lastModified, List<String> items) {
    public State {
      items = List.copyOf(items);
    }

    public State(@Nullable String etag, @Nullable String lastModified) {
      this(etag, lastModified, List.of());
    }

    boolean empty() {
      return etag == null && lastModified == null && items.isEmpty();
    }
  }

  private final Map<String, State> states = new ConcurrentHashMap<>();
  private final @Nullable Path file;

  private FeedStates(@Nullable Path file) {
    this.file = file;
  }

  /** States held in memory only. */
  public static FeedStates inMemory() {
    return new FeedStates(null);
  }

  /** States loaded from (and saved to) a file; a missing or unreadable file starts empty. */
  public static FeedStates in(Path file) {
    FeedStates s = new FeedStates(file);
    if (Files.isRegularFile(file)) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException | IllegalArgumentException e) {
        return s; // a damaged state file only costs one unconditional poll
      }
      for (String key : p.stringPropertyNames()) {
        if (key.startsWith("etag.")) {
          String url = key.substring(5);
          s.states.merge(url, new State(p.getProperty(key), null),
              (a, b) -> new State(b.etag(), a.lastModified(), a.items()));
        } else if (key.startsWith("modified.")) {
          String url = key.substring(9);
          s.states.merge(url, new State(null, p.getProperty(key)),
              (a, b) -> new State(a.etag(), b.lastModified(), a.items()));
        } else if (key.startsWith("items.")) {
          String url = key.substring(6);
          List<String> items = p.getProperty(key).lines().filter(l -> !l.isBlank()).toList();
          s.states.merge(url, new State(null, null, items), (a, b) -> new State(a.etag(), a.lastModified(), b.items()));
        }
      }
    }
    return s;
  }

  public Optional<State> get(String feedUrl) {
    return Optional.ofNullable(states.get(feedUrl));
  }

  /**
   * Remembers a feed's validators and items read, in memory: {@link #save} writes them once what
   * the poll handed on is committed.
   */
  public void put(String feedUrl, State state) {
    if (state.empty()) {
      states.remove(feedUrl);
    } else {
      states.put(feedUrl, state);
    }
  }

  /**
   * Writes the file, when there is one. Call it only once the articles of the items remembered are
   * stored: a crash before it costs one more download of each feed, never an item.
   */
  public synchronized void save() {
    if (file == null) {
      return;
    }
    Properties p = new Properties();
    states.forEach((url, st) -> {
      if (st.etag() != null) {
        p.setProperty("etag." + url, st.etag());
      }
      if (st.lastModified() != null) {
        p.setProperty("modified." + url, st.lastModified());
      }
      if (!st.items().isEmpty()) {
        p.setProperty("items." + url, String.join("\n", st.items()));
      }
    });
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        p.store(w, "Watchfloor feed validators (ETag / Last-Modified) and the items read, per feed URL");
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // losing the validators costs a full download next time, not data
    }
  }
}

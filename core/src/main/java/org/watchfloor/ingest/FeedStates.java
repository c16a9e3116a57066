package org.watchfloor.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What each feed's server said last time — its ETag and Last-Modified — so that the next poll is
 * a conditional GET. Kept in memory, and in a small properties file when one is given, so that
 * {@code run} does not re-download every feed after a restart.
 */
public final class FeedStates {

  /** The validators of one feed's last answer; either may be absent. */
  public record State(@Nullable String etag, @Nullable String lastModified) {}

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
          s.states.merge(url, new State(p.getProperty(key), null), (a, b) -> new State(b.etag(), a.lastModified()));
        } else if (key.startsWith("modified.")) {
          String url = key.substring(9);
          s.states.merge(url, new State(null, p.getProperty(key)), (a, b) -> new State(a.etag(), b.lastModified()));
        }
      }
    }
    return s;
  }

  public Optional<State> get(String feedUrl) {
    return Optional.ofNullable(states.get(feedUrl));
  }

  /** Remembers a feed's validators, writing the file when there is one. */
  public void put(String feedUrl, State state) {
    if (state.etag() == null && state.lastModified() == null) {
      states.remove(feedUrl);
    } else {
      states.put(feedUrl, state);
    }
    save();
  }

  private synchronized void save() {
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
    });
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        p.store(w, "Watchfloor feed validators (ETag / Last-Modified), one pair per feed URL");
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // losing the validators costs a full download next time, not data
    }
  }
}

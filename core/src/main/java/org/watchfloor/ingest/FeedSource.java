package org.watchfloor.ingest;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xml.sax.InputSource;

/**
 * Polls RSS and Atom feeds with a conditional GET and fetches the article each new item links to.
 *
 * <p>Feeds are untrusted XML: Rome is told to refuse any DOCTYPE, which stops external entities
 * (XXE) and entity expansion (billion laughs) before they start. A feed that cannot be read is
 * one problem naming the feed; an item without a usable link is one problem naming the item; the
 * other feeds and items go on.
 */
public final class FeedSource {

  /** What one poll of a feed found. */
  public enum Outcome {
    /** The feed was read and its items handed on. */
    READ,
    /** The server said 304 Not Modified. */
    NOT_MODIFIED,
    /** The feed could not be fetched or parsed; a problem was reported. */
    FAILED
  }

  private final HttpFetcher fetcher;
  private final FeedStates states;
  private final UrlSource pages;

  public FeedSource(HttpFetcher fetcher, FeedStates states) {
    this.fetcher = fetcher;
    this.states = states;
    this.pages = new UrlSource(fetcher);
  }

  /** Polls one feed and reads the articles of its items into the sink. */
  public Outcome poll(String feedUrl, DocumentSink sink) {
    Map<String, String> conditional = new LinkedHashMap<>();
    states.get(feedUrl).ifPresent(s -> {
      if (s.etag() != null) {
        conditional.put("If-None-Match", s.etag());
      }
      if (s.lastModified() != null) {
        conditional.put("If-Modified-Since", s.lastModified());
      }
    });
    HttpFetcher.Response response;
    try {
      response = fetcher.get(feedUrl, conditional);
    } catch (FetchException e) {
      sink.problem(new Problem(feedUrl, "feed: " + e.getMessage()));
      return Outcome.FAILED;
    }
    if (response.status() == 304) {
      return Outcome.NOT_MODIFIED;
    }
    SyndFeed feed;
    try {
      feed = parse(response.body());
    } catch (FeedException | IllegalArgumentException e) {
      sink.problem(new Problem(feedUrl, "feed is not readable RSS or Atom: " + reason(e)));
      return Outcome.FAILED;
    }
    // Items read at an earlier poll, with the same link and date, are not fetched again: a poll
    // of a feed listing fifty items, fetched a second apart per host, took fifty seconds for its
    // one new item. An item whose date changes (an edited story) is read again.
    Set<String> read = new HashSet<>(states.get(feedUrl).map(FeedStates.State::items).orElse(List.of()));
    List<String> listed = new ArrayList<>();
    int n = 0;
    for (SyndEntry entry : feed.getEntries()) {
      n++;
      String link = linkOf(entry);
      if (link == null) {
        String what = entry.getTitle() != null ? "\"" + entry.getTitle().strip() + "\"" : "without a title";
        sink.problem(new Problem(feedUrl + "#item" + n, "feed item " + what + " has no link; skipped"));
        continue;
      }
      String resolved;
      try {
        resolved = response.uri().resolve(link).toString();
      } catch (IllegalArgumentException e) {
        sink.problem(new Problem(feedUrl + "#item" + n, "feed item link is not a URL: " + link));
        continue;
      }
      String key = itemKey(resolved, entry);
      if (read.contains(key)) {
        listed.add(key);
        continue;
      }
      ProblemCount item = new ProblemCount(sink);
      pages.read(resolved, itemMetadata(feedUrl, feed, entry), item);
      if (item.problems == 0) {
        listed.add(key); // (an item that could not be read is tried again at the next poll)
      }
    }
    // (remembered in memory once the items are handed on; written by remember() once they are stored)
    states.put(feedUrl, new FeedStates.State(response.header("etag"), response.header("last-modified"), listed));
    return Outcome.READ;
  }

  /** What tells one version of a feed item from another: its link and its date, as the feed gives them. */
  static String itemKey(String link, SyndEntry entry) {
    Date date = entry.getUpdatedDate() != null ? entry.getUpdatedDate() : entry.getPublishedDate();
    return link + " " + (date == null ? "" : date.toInstant().toString());
  }

  /** Hands everything on, counting the problems of one item's read. */
  private static final class ProblemCount implements DocumentSink {
    private final DocumentSink sink;
    int problems;

    ProblemCount(DocumentSink sink) {
      this.sink = sink;
    }

    @Override
    public void accept(RawDocument document) {
      sink.accept(document);
    }

    @Override
    public void problem(Problem problem) {
      problems++;
      sink.problem(problem);
    }
  }

  /**
   * Writes what the polls learnt (validators, items read) to the states' file. Call it once what
   * the polls handed on is committed, so that a crash between the two re-reads an item instead of
   * losing it.
   */
  public void remember() {
    states.save();
  }

  static SyndFeed parse(byte[] xml) throws FeedException {
    SyndFeedInput input = new SyndFeedInput();
    input.setAllowDoctypes(false);
    input.setXmlHealerOn(false);
    return input.build(new InputSource(new ByteArrayInputStream(xml)));
  }

  private static String linkOf(SyndEntry entry) {
    String link = entry.getLink();
    if (link == null || link.isBlank()) {
      String uri = entry.getUri();
      link = uri != null && (uri.startsWith("http://") || uri.startsWith("https://")) ? uri : null;
    }
    return link == null || link.isBlank() ? null : link.strip();
  }

  private static Map<String, String> itemMetadata(String feedUrl, SyndFeed feed, SyndEntry entry) {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("feed", feedUrl);
    if (entry.getTitle() != null && !entry.getTitle().isBlank()) {
      meta.put("title", entry.getTitle().strip());
    }
    Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
    if (date != null) {
      meta.put("published", date.toInstant().atOffset(ZoneOffset.UTC).toString());
    }
    if (entry.getAuthor() != null && !entry.getAuthor().isBlank()) {
      meta.put("byline", entry.getAuthor().strip());
    }
    if (feed.getTitle() != null && !feed.getTitle().isBlank()) {
      meta.put("feed_title", feed.getTitle().strip());
    }
    return meta;
  }

  private static String reason(Exception e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    if (m.contains("DOCTYPE") || m.contains("doctype")) {
      return "it declares a DOCTYPE, which is refused (external entities / entity expansion): " + firstLine(m);
    }
    return firstLine(m);
  }

  private static String firstLine(String m) {
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}

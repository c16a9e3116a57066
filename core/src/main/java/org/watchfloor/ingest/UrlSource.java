package org.watchfloor.ingest;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads one web page by URL through the {@link HttpFetcher}: an HTML or plain-text answer becomes
 * a document whose {@code url} is the address finally reached; anything else is a problem naming
 * the URL.
 */
public final class UrlSource {

  private final HttpFetcher fetcher;

  public UrlSource(HttpFetcher fetcher) {
    this.fetcher = fetcher;
  }

  /** Whether an argument names a web resource rather than a file. */
  public static boolean looksLikeUrl(String argument) {
    int colon = argument.indexOf(':');
    // "C:\..." is a Windows path, not a URL scheme
    return colon > 1 && argument.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")
        && (argument.startsWith(argument.substring(0, colon) + "://")
            || argument.regionMatches(true, 0, "file:", 0, 5)
            || argument.regionMatches(true, 0, "jar:", 0, 4));
  }

  /** Fetches the page and hands it, or the reason it could not be read, to the sink. */
  public void read(String url, DocumentSink sink) {
    read(url, Map.of(), sink);
  }

  /** Like {@link #read(String, DocumentSink)}, with metadata known beforehand (from a feed item). */
  void read(String url, Map<String, String> known, DocumentSink sink) {
    try {
      HttpFetcher.Response r = fetcher.get(url, Map.of());
      RawDocument doc = document(url, r, known);
      if (doc != null) {
        sink.accept(doc);
      } else {
        sink.problem(new Problem(url, "not a web page (content type " + r.header("content-type") + ")"));
      }
    } catch (FetchException e) {
      sink.problem(new Problem(url, e.getMessage()));
    }
  }

  private static @Nullable RawDocument document(String url, HttpFetcher.Response r, Map<String, String> known) {
    String type = r.header("content-type");
    String mime = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    RawDocument.Format format;
    if (mime.isEmpty() || mime.equals("text/html") || mime.equals("application/xhtml+xml")) {
      format = RawDocument.Format.HTML;
    } else if (mime.equals("text/plain")) {
      format = RawDocument.Format.TEXT;
    } else {
      return null;
    }
    Map<String, String> meta = new LinkedHashMap<>(known);
    meta.put("url", r.uri().toString());
    if (type != null && format == RawDocument.Format.HTML) {
      meta.put("content_type", type);
    }
    return new RawDocument(url, null, format, r.body(), meta);
  }
}

package org.watchfloor.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * WARC archives written with jwarc's writer, of pages made up for the tests, with what a real
 * crawl holds besides its pages: a warcinfo record, requests, metadata, a revisit, an image, a
 * robots.txt, an error page, a record corrupted in the middle of the archive and one the file cuts
 * short at its end.
 */
public final class WarcFixtures {

  public static final Instant CAPTURED = Instant.parse("2025-05-09T03:00:00Z");

  /** A written archive and the offset of each record, by a name the test knows it by. */
  public record Crawl(Path file, Map<String, Long> offsets) {
    public long offset(String record) {
      return offsets.get(record);
    }
  }

  /** The pages of {@link #messy}, by URL: what a reader should hand on from it. */
  public static final List<String> MESSY_PAGES =
      List.of("https://news.example/one", "https://news.example/notice.txt", "https://news.example/two");

  private WarcFixtures() {}

  static WarcResponse response(String uri, int status, String contentType, String body) throws IOException {
    HttpResponse http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Not Found")
        .body(MediaType.parse(contentType), body.getBytes(StandardCharsets.UTF_8))
        .build();
    return new WarcResponse.Builder(uri).date(CAPTURED).body(http).build();
  }

  /**
   * A crawl of three pages (two HTML, one plain text) amid the records that hold none, one record
   * in the middle corrupted (its first bytes garbled) and a last one cut off half way.
   */
  public static Crawl messy(Path dir, String name, WarcCompression compression) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Map<String, Long> offsets = new LinkedHashMap<>();
    try (WarcWriter writer = new WarcWriter(Channels.newChannel(out), compression)) {
      write(writer, offsets, "warcinfo", new Warcinfo.Builder().date(CAPTURED)
          .fields(Map.of("software", List.of("fixture-crawler/1.0"))).build());
      write(writer, offsets, "request", new WarcRequest.Builder("https://news.example/one").date(CAPTURED)
          .body(new HttpRequest.Builder("GET", "/one").addHeader("Host", "news.example").build()).build());
      write(writer, offsets, "one", response("https://news.example/one", 200, "text/html; charset=utf-8",
          LoopbackServer.article("Launch over the sea", "A short-range missile splashed down east of the coast.")));
      write(writer, offsets, "metadata", new WarcMetadata.Builder().targetURI("https://news.example/one").date(CAPTURED)
          .fields(Map.of("outlink", List.of("https://news.example/two"))).build());
      write(writer, offsets, "image", response("https://news.example/map.png", 200, "image/png", "\u0089PNG-not-really"));
      write(writer, offsets, "revisit", new WarcRevisit.Builder("https://news.example/one",
          WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1).date(CAPTURED.plusSeconds(3600))
          .refersTo(URI.create("urn:uuid:00000000-0000-4000-8000-000000000001"), "https://news.example/one", CAPTURED)
          .build());
      write(writer, offsets, "notice.txt", response("https://news.example/notice.txt", 200, "text/plain; charset=utf-8",
          "Coast guard notice\n\nShips were told to keep clear of the firing area for two days of drills."));
      write(writer, offsets, "robots", response("https://news.example/robots.txt", 200, "text/plain",
          "User-agent: *\nDisallow: /private/\n"));
      write(writer, offsets, "missing", response("https://news.example/gone", 404, "text/html",
          "<html><body><p>Page not found</p></body></html>"));
      write(writer, offsets, "corrupt", response("https://news.example/lost", 200, "text/html",
          LoopbackServer.article("Lost page", "This page never reaches the reader whole.")));
      write(writer, offsets, "two", response("https://news.example/two", 200, "text/html",
          LoopbackServer.article("Second launch", "Another missile flew north-east for some minutes.")));
      write(writer, offsets, "truncated", response("https://news.example/three", 200, "text/html",
          LoopbackServer.article("Third launch", "The third missile was never stored whole.")));
    }
    byte[] bytes = out.toByteArray();
    // Garble the corrupt record from its 12th byte on: inside the gzip member's compressed data,
    // or in the version line of an uncompressed record ("WARC/1.1" becomes something else).
    int corrupt = Math.toIntExact(offsets.get("corrupt"));
    for (int i = corrupt + (compression == WarcCompression.GZIP ? 12 : 2); i < corrupt + 40; i++) {
      bytes[i] ^= 0x5a;
    }
    // The file ends half way through the last record: a crawl interrupted.
    long last = offsets.get("truncated");
    int end = Math.toIntExact(last + (bytes.length - last) / 2);
    Path file = dir.resolve(name);
    Files.write(file, Arrays.copyOf(bytes, end));
    return new Crawl(file, Map.copyOf(offsets));
  }

  /**
   * Writes the articles of a JSON Lines file (the public article contract: url, title, outlet,
   * published, text) as the HTML pages of a crawl, a gzip member a record, each response after its
   * request as a crawler writes them: the same articles as a WARC archive, for the Flink job's WARC
   * source and to time it against the JSON Lines source. Returns how many pages it wrote.
   */
  public static int fromJsonLines(Path jsonl, Path warc) throws IOException {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    int pages = 0;
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(warc,
            java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
        WarcWriter writer = new WarcWriter(ch, WarcCompression.GZIP);
        java.io.BufferedReader lines = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        com.fasterxml.jackson.databind.JsonNode a = json.readTree(line);
        String url = a.path("url").asText();
        writer.write(new WarcRequest.Builder(url).date(CAPTURED)
            .body(new HttpRequest.Builder("GET", URI.create(url).getRawPath()).addHeader("Host", URI.create(url).getHost())
                .build()).build());
        writer.write(response(url, 200, "text/html; charset=utf-8", page(a)));
        pages++;
      }
    }
    return pages;
  }

  private static String page(com.fasterxml.jackson.databind.JsonNode a) {
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
        .append(escape(a.path("title").asText())).append("</title>");
    if (a.hasNonNull("published")) {
      html.append("<meta property=\"article:published_time\" content=\"").append(escape(a.get("published").asText()))
          .append("\">");
    }
    if (a.hasNonNull("outlet")) {
      html.append("<meta property=\"og:site_name\" content=\"").append(escape(a.get("outlet").asText())).append("\">");
    }
    html.append("</head><body><nav><a href=\"/\">Home</a></nav><article><h1>").append(escape(a.path("title").asText()))
        .append("</h1>");
    for (String para : a.path("text").asText().split("\n\\s*\n")) {
      html.append("<p>").append(escape(para.strip())).append("</p>");
    }
    return html.append("</article><footer>Contact us</footer></body></html>").toString();
  }

  private static String escape(String text) {
    return org.jsoup.nodes.Entities.escape(text);
  }

  private static void write(WarcWriter writer, Map<String, Long> offsets, String name, WarcRecord record)
      throws IOException {
    offsets.put(name, writer.position());
    writer.write(record);
  }
}

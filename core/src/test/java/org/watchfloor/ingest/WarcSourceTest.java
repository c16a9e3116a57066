package org.watchfloor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;
import org.watchfloor.model.Published;
import org.watchfloor.parse.DateTexts;
import org.watchfloor.parse.html.HtmlArticleExtractor;

class WarcSourceTest {

  private static final Instant CAPTURED = Instant.parse("2025-05-09T03:00:00Z");

  static WarcResponse response(String uri, String contentType, String body) throws IOException {
    HttpResponse http = new HttpResponse.Builder(200, "OK")
        .body(MediaType.parse(contentType), body.getBytes(StandardCharsets.UTF_8))
        .build();
    return new WarcResponse.Builder(uri).date(CAPTURED).body(http).build();
  }

  /** Writes a WARC of two HTML pages, an image and a third page whose record the file cuts short. */
  static Path crawl(Path dir, String name, WarcCompression compression) throws IOException {
    Path file = dir.resolve(name);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        WarcWriter writer = new WarcWriter(ch, compression)) {
      writer.write(new Warcinfo.Builder().date(CAPTURED).fields(java.util.Map.of("software", java.util.List.of("test"))).build());
      writer.write(response("https://news.example/one", "text/html; charset=utf-8",
          LoopbackServer.article("Missile one", "The first missile flew east.")));
      writer.write(response("https://news.example/logo.png", "image/png", "PNG-bytes"));
      writer.write(response("https://news.example/two", "text/html",
          LoopbackServer.article("Missile two", "The second missile flew north.")));
    }
    // The third page's record, written whole and then cut off half way: a crawl interrupted.
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    try (WarcWriter writer = new WarcWriter(Channels.newChannel(whole), compression)) {
      writer.write(response("https://news.example/three", "text/html",
          LoopbackServer.article("Missile three", "The third missile was never stored whole.")));
    }
    byte[] bytes = whole.toByteArray();
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2), StandardOpenOption.APPEND);
    return file;
  }

  @Test
  void twoHtmlResponsesAndOneTruncatedRecordGiveTwoDocumentsAndOneError(@TempDir Path dir) throws IOException {
    Path warc = crawl(dir, "crawl.warc", WarcCompression.NONE);
    CollectingSink sink = new CollectingSink();

    new WarcSource(FileSource.DEFAULT_MAX_BYTES).read(warc, sink);

    assertThat(sink.documents).hasSize(2);
    assertThat(sink.documents).extracting(d -> d.metadata().get("url"))
        .containsExactly("https://news.example/one", "https://news.example/two");
    RawDocument first = sink.documents.get(0);
    assertThat(first.source()).matches(java.util.regex.Pattern.quote(warc.toString()) + "@\\d+");
    assertThat(first.sourcePath()).isEqualTo(warc.toString());
    assertThat(first.metadata()).containsEntry("warc_date", "2025-05-09T03:00:00Z")
        .containsEntry("content_type", "text/html;charset=utf-8")
        .doesNotContainKey("published");
    assertThat(new String(first.bytes(), StandardCharsets.UTF_8)).contains("The first missile flew east.");
    assertThat(sink.messages()).singleElement().asString()
        .startsWith(warc + "@").contains("WARC record cut short");
  }

  @Test
  void gzippedWarcsAreReadRecordByRecord(@TempDir Path dir) throws IOException {
    Path warc = crawl(dir, "crawl.warc.gz", WarcCompression.GZIP);
    CollectingSink sink = new CollectingSink();

    new FileSource().read(warc, sink); // the file source hands a WARC to the WARC source

    assertThat(sink.documents).hasSize(2);
    assertThat(sink.problems).singleElement().satisfies(p -> assertThat(p.source()).startsWith(warc.toString()));
  }

  @Test
  void warcFilesAreFoundInFolders(@TempDir Path dir) throws IOException {
    crawl(dir, "a.warc", WarcCompression.NONE);
    crawl(dir, "b.warc.gz", WarcCompression.GZIP);
    Files.writeString(dir.resolve("notes.md"), "not an article");

    assertThat(new FileSource().list(java.util.List.of(dir), new CollectingSink()))
        .extracting(p -> p.getFileName().toString()).containsExactly("a.warc", "b.warc.gz");
  }

  @Test
  void aFileThatIsNotAWarcIsOneProblem(@TempDir Path dir) throws IOException {
    Path fake = dir.resolve("fake.warc");
    Files.writeString(fake, "<html>this is no archive</html>");
    CollectingSink sink = new CollectingSink();

    new WarcSource(FileSource.DEFAULT_MAX_BYTES).read(fake, sink);

    assertThat(sink.documents).isEmpty();
    assertThat(sink.messages()).singleElement().asString().startsWith(fake.toString());
  }

  @ParameterizedTest
  @EnumSource(WarcCompression.class)
  void aMessyCrawlGivesItsPagesCountsWhatItPassesOverAndReadsOnPastABadRecord(WarcCompression compression,
      @TempDir Path dir) throws IOException {
    WarcFixtures.Crawl crawl = WarcFixtures.messy(dir, "messy.warc" + (compression == WarcCompression.GZIP ? ".gz" : ""),
        compression);
    String file = crawl.file().toString();
    CollectingSink sink = new CollectingSink();

    new FileSource().read(crawl.file(), sink);

    assertThat(sink.documents).extracting(d -> d.metadata().get("url")).containsExactlyElementsOf(WarcFixtures.MESSY_PAGES);
    assertThat(sink.documents).extracting(RawDocument::source).containsExactly(
        file + "@" + crawl.offset("one"), file + "@" + crawl.offset("notice.txt"), file + "@" + crawl.offset("two"));
    assertThat(sink.documents).extracting(RawDocument::format)
        .containsExactly(RawDocument.Format.HTML, RawDocument.Format.TEXT, RawDocument.Format.HTML);
    assertThat(sink.documents.get(1).metadata()).containsEntry("warc_date", "2025-05-09T03:00:00Z");
    assertThat(sink.passedOver).containsExactly(
        "WARC warcinfo @ " + file + "@" + crawl.offset("warcinfo"),
        "WARC request @ " + file + "@" + crawl.offset("request"),
        "WARC metadata @ " + file + "@" + crawl.offset("metadata"),
        "WARC not HTML or text @ " + file + "@" + crawl.offset("image"),
        "WARC revisit @ " + file + "@" + crawl.offset("revisit"),
        "WARC robots.txt @ " + file + "@" + crawl.offset("robots"),
        "WARC HTTP status not 200 @ " + file + "@" + crawl.offset("missing"));
    // the corrupt record in the middle, then the one the file cuts short: each named by its offset
    assertThat(sink.problems).extracting(Problem::source)
        .containsExactly(file + "@" + crawl.offset("corrupt"), file + "@" + crawl.offset("truncated"));
    assertThat(sink.problems.get(0).reason()).startsWith("not a readable WARC record");
    assertThat(sink.problems.get(1).reason()).isEqualTo("WARC record cut short: the file ends inside it");
  }

  @Test
  void aRecordsReaderStartedAtAnOffsetReadsOnFromThatRecord(@TempDir Path dir) throws IOException {
    WarcFixtures.Crawl crawl = WarcFixtures.messy(dir, "messy.warc.gz", WarcCompression.GZIP);
    FileChannel channel = FileChannel.open(crawl.file());
    channel.position(crawl.offset("robots"));
    java.util.List<String> read = new java.util.ArrayList<>();

    try (WarcRecords records = new WarcSource(FileSource.DEFAULT_MAX_BYTES).records(channel, "messy")) {
      for (WarcRecords.Read r = records.next(); r != null; r = records.next()) {
        read.add(r.getClass().getSimpleName() + "@" + r.offset());
      }
    }

    assertThat(read).containsExactly("PassedOver@" + crawl.offset("robots"), "PassedOver@" + crawl.offset("missing"),
        "Failed@" + crawl.offset("corrupt"), "Page@" + crawl.offset("two"), "Failed@" + crawl.offset("truncated"));
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void aBadRecordQuotingAWarcVersionLineIsReadOnFromTheNextRealRecord(@TempDir Path dir) throws IOException {
    // After a bad record, the next line starting "WARC/1." is only a candidate: this one is in
    // the bad record's own text, and reading goes on at the real record after it.
    Path file = dir.resolve("quoting.warc");
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    long second;
    try (WarcWriter writer = new WarcWriter(Channels.newChannel(out), WarcCompression.NONE)) {
      writer.write(WarcFixtures.response("https://news.example/about-warc", 200, "text/plain",
          "How archives look\nWARC/1.1 is the first line of each record, then its headers.\nWARC/1.0 was older."));
      second = writer.position();
      writer.write(WarcFixtures.response("https://news.example/next", 200, "text/html",
          LoopbackServer.article("Next page", "A rocket engine was tested at the site.")));
    }
    byte[] bytes = out.toByteArray();
    bytes[0] = 'X'; // the first record's version line is garbled
    Files.write(file, bytes);
    CollectingSink sink = new CollectingSink();

    new WarcSource(FileSource.DEFAULT_MAX_BYTES).read(file, sink);

    assertThat(sink.problems).extracting(Problem::source).containsExactly(file + "@0");
    assertThat(sink.documents).singleElement().satisfies(d -> {
      assertThat(d.source()).isEqualTo(file + "@" + second);
      assertThat(d.metadata()).containsEntry("url", "https://news.example/next");
    });
  }

  @Test
  void theCaptureDayIsThePublicationDateOfLastResort(@TempDir Path dir) throws IOException {
    // Captured late on 9 May in Seoul, which is still 8 May in UTC: the day is taken in UTC.
    Instant captured = Instant.parse("2025-05-08T22:15:00Z");
    String undated = "<html><head><title>Launch</title></head><body><article><p>"
        + "A missile was fired from near the capital, officials said, without giving a date.</p></article></body></html>";
    Path file = dir.resolve("undated.warc");
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        WarcWriter writer = new WarcWriter(ch, WarcCompression.NONE)) {
      HttpResponse http = new HttpResponse.Builder(200, "OK")
          .body(MediaType.parse("text/html"), undated.getBytes(StandardCharsets.UTF_8)).build();
      writer.write(new WarcResponse.Builder("https://news.example/undated").date(captured).body(http).build());
    }
    CollectingSink sink = new CollectingSink();

    new WarcSource(FileSource.DEFAULT_MAX_BYTES).read(file, sink);

    RawDocument doc = sink.documents.get(0);
    assertThat(doc.metadata()).containsEntry(WarcSource.CAPTURE_DATE_KEY, "2025-05-08T22:15:00Z");
    Published fallback = DateTexts.captureDate(doc.metadata()).orElseThrow();
    assertThat(fallback.dateOnly()).isTrue();
    assertThat(fallback.iso()).isEqualTo("2025-05-08");
    // Only a last resort: the page itself gives no date anywhere.
    assertThat(new HtmlArticleExtractor().extract(doc.bytes(), doc.metadata().get("content_type"), null)
        .publishedTime()).isNull();
  }

  @Test
  void noOrAnUnreadableCaptureDateGivesNoFallback() {
    assertThat(DateTexts.captureDate(java.util.Map.of())).isEmpty();
    assertThat(DateTexts.captureDate(java.util.Map.of(WarcSource.CAPTURE_DATE_KEY, "yesterday"))).isEmpty();
    assertThat(DateTexts.captureDate(java.util.Map.of(WarcSource.CAPTURE_DATE_KEY, "2025-05-09T03:00:00+09:00")))
        .map(Published::iso).contains("2025-05-08");
  }
}

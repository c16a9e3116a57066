package org.watchfloor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.Article;
import org.watchfloor.parse.ArticleParser;
import org.watchfloor.parse.ParseResult;

/** A file that starts with a UTF-8 byte-order mark reads as the same file without it, in every format ingest reads. */
class ByteOrderMarkTest {

  private static final String BOM = "\uFEFF";
  private static final String JSONL = """
      {"title":"First launch of the week","text":"A missile was fired from the west coast on Monday."}
      {"title":"Second launch of the week","text":"Another missile was fired from the east coast on Friday."}
      """;

  @TempDir Path tmp;

  @Test
  void aJsonLinesFileKeepsItsFirstArticle() throws IOException {
    CollectingSink sink = read(Files.writeString(tmp.resolve("week.jsonl"), BOM + JSONL));

    assertThat(sink.problems).isEmpty();
    assertThat(sink.documents).extracting(d -> d.metadata().get("title"))
        .containsExactly("First launch of the week", "Second launch of the week");
  }

  @Test
  void aGzippedJsonLinesFileKeepsItsFirstArticle() throws IOException {
    Path file = tmp.resolve("week.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write((BOM + JSONL).getBytes(StandardCharsets.UTF_8));
    }

    CollectingSink sink = read(file);

    assertThat(sink.problems).isEmpty();
    assertThat(sink.documents).hasSize(2);
  }

  @Test
  void aFileWithoutAKnownExtensionIsStillRecognisedAsJsonLinesOrHtml() throws IOException {
    CollectingSink jsonl = read(Files.writeString(tmp.resolve("week"), BOM + JSONL));
    CollectingSink html = read(Files.writeString(tmp.resolve("page"),
        BOM + "<!DOCTYPE html><html><head><title>Launch</title></head><body><p>A missile.</p></body></html>"));

    assertThat(jsonl.documents).hasSize(2);
    assertThat(html.documents).singleElement().satisfies(d -> assertThat(d.format()).isEqualTo(RawDocument.Format.HTML));
  }

  @Test
  void textAndHtmlArticlesParseWithoutTheMark() throws IOException {
    CollectingSink text = read(Files.writeString(tmp.resolve("launch.txt"),
        BOM + "Title: Missile fired from the west coast\nOutlet: Harbor Wire\n\nA missile was fired on Monday.\n"));
    CollectingSink html = read(Files.writeString(tmp.resolve("launch.html"),
        BOM + "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Missile fired from the west coast</title>"
            + "</head><body><article><p>A missile was fired on Monday from the west coast, officials said, and"
            + " it flew east before falling into the sea.</p></article></body></html>"));

    for (CollectingSink sink : List.of(text, html)) {
      ParseResult parsed = new ArticleParser().parse(sink.documents.get(0));
      assertThat(parsed.ok()).isTrue();
      Article a = parsed.article();
      assertThat(a.title()).isEqualTo("Missile fired from the west coast");
      assertThat(a.text()).doesNotContain(BOM);
    }
  }

  @Test
  void aGdeltExportKeepsItsFirstRow() throws IOException {
    Path events = Files.writeString(tmp.resolve("20250508000000.export.CSV"),
        BOM + GdeltSourceTest.event("7", "PRK", "", "", "https://a.example/story-7") + "\n");
    // the mentions file has no mark: the event's id must have been read without one to match
    Path mentions = Files.writeString(tmp.resolve("20250508000000.mentions.CSV"),
        GdeltSourceTest.mention("7", 1, "https://b.example/about-event-7") + "\n");
    CollectingSink sink = new CollectingSink();

    List<String> urls = new GdeltSource(GdeltSourceTest.DPRK).urls(List.of(events, mentions), sink);

    assertThat(sink.problems).isEmpty();
    assertThat(urls).containsExactly("https://a.example/story-7", "https://b.example/about-event-7");
  }

  private static CollectingSink read(Path file) {
    CollectingSink sink = new CollectingSink();
    new FileSource().read(file, sink);
    return sink;
  }
}

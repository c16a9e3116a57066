package org.watchfloor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class GdeltSourceTest {

  /** The built-in profile's filter. */
  static final GdeltFilter DPRK = GdeltFilter.of(org.watchfloor.profile.WatchProfile.load("dprk").gdelt());

  /** A GDELT 2.0 event row with the fields the filter reads set, the others blank. */
  public static String event(String id, String actor1Country, String actor2Country, String actionGeo, String url) {
    String[] c = new String[61];
    Arrays.fill(c, "");
    c[0] = id;
    c[1] = "20250508";
    c[5] = actor1Country;
    c[7] = actor1Country;
    c[15] = actor2Country;
    c[17] = actor2Country;
    c[53] = actionGeo;
    c[60] = url;
    return String.join("\t", c);
  }

  public static String mention(String eventId, int type, String url) {
    String[] c = new String[16];
    Arrays.fill(c, "");
    c[0] = eventId;
    c[3] = Integer.toString(type);
    c[4] = "example.org";
    c[5] = url;
    return String.join("\t", c);
  }

  static Path events(Path dir) throws IOException {
    return Files.write(dir.resolve("20250508000000.export.CSV"), List.of(
        event("1", "PRK", "", "", "https://a.example/story-1"),
        event("2", "USA", "FRA", "FR", "https://b.example/trade-talks"),
        event("3", "", "", "KN", "https://c.example/story-3"),
        event("4", "JPN", "", "JA", "https://d.example/north-korea-missile-japan"),
        event("5", "KOR", "", "KS", "https://e.example/seoul-weather"),
        "1\tbroken\trow"), StandardCharsets.UTF_8);
  }

  @Test
  void eventRowsAreFilteredByActorPlaceAndUrlBeforeFetching(@TempDir Path dir) throws IOException {
    Path events = events(dir);
    CollectingSink sink = new CollectingSink();

    List<String> urls = new GdeltSource(DPRK).urls(List.of(events), sink);

    assertThat(urls).containsExactly("https://a.example/story-1", "https://c.example/story-3",
        "https://d.example/north-korea-missile-japan");
    assertThat(sink.messages()).containsExactly(
        events + ":6: not a GDELT 2.0 event (61 columns) or mention (16 columns) row: 3 columns");
  }

  @Test
  void zippedMentionsOfKeptEventsAreKeptWhateverTheirUrl(@TempDir Path dir) throws IOException {
    Path events = events(dir);
    Path mentions = dir.resolve("20250508000000.mentions.CSV.zip");
    try (OutputStream out = Files.newOutputStream(mentions); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("20250508000000.mentions.CSV"));
      zip.write(String.join("\n",
          mention("1", 1, "https://f.example/about-event-1"),
          mention("2", 1, "https://g.example/about-trade"),
          mention("9", 1, "https://h.example/pyongyang-parade"),
          mention("1", 2, "BBC Monitoring 12345")).getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    CollectingSink sink = new CollectingSink();

    // Mentions are given first: the events file is still read first so its kept ids count.
    List<String> urls = new GdeltSource(DPRK).urls(List.of(mentions, events), sink);

    assertThat(urls).containsExactly("https://a.example/story-1", "https://c.example/story-3",
        "https://d.example/north-korea-missile-japan", "https://f.example/about-event-1",
        "https://h.example/pyongyang-parade");
  }

  @Test
  void otherActorCountriesCanBeWatched(@TempDir Path dir) throws IOException {
    List<String> urls = new GdeltSource(DPRK.withActorCountries(Set.of("kor")))
        .urls(List.of(events(dir)), new CollectingSink());

    assertThat(urls).contains("https://e.example/seoul-weather").doesNotContain("https://a.example/story-1");
  }

  @Test
  void aMissingFileIsOneProblem(@TempDir Path dir) {
    CollectingSink sink = new CollectingSink();

    new GdeltSource(DPRK).urls(List.of(dir.resolve("nope.CSV")), sink);

    assertThat(sink.messages()).singleElement().asString().startsWith(dir.resolve("nope.CSV") + ": cannot read GDELT file");
  }
}

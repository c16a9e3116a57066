package org.watchfloor.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.Article;
import org.watchfloor.model.ArticleFlag;
import org.watchfloor.model.Event;
import org.watchfloor.store.Store;

/** Copies and light edits found through stored band keys, and what resolution makes of them. */
class NearDuplicatesTest extends IngestingTest {

  private static final String WIRE_STORY = "North Korea fired a ballistic missile into the sea off its east coast on"
      + " Thursday, 16 May 2024, South Korea's Joint Chiefs of Staff said. The missile flew about 300 km"
      + " before landing outside Japan's exclusive economic zone, the military said in a text message to"
      + " reporters, adding that it was analysing the launch with American and Japanese intelligence."
      + " The launch was the fourth this month and came days after the North criticised joint drills"
      + " held by the allies near the border, calling them a rehearsal for invasion of its territory.";

  private static RawDocument doc(String name, String outlet, String text) {
    return doc(name, outlet, "2024-05-16", "Launch", text);
  }

  @Test
  void aLightlyEditedCopyByAnotherOutletIsMarkedSyndicatedAndAddsNoOrigin() throws Exception {
    String edited = "SEOUL — " + WIRE_STORY.replace("on Thursday, 16 May 2024", "on 16 May 2024")
        + " Tokyo lodged a protest.";
    pipeline.ingestDocuments(List.of(doc("wire.example", "Wire Service", WIRE_STORY),
        doc("paper.example", "Daily Paper", edited)));

    Article original = stored("Wire Service");
    Article copy = stored("Daily Paper");
    assertThat(original.copyOf()).isNull();
    assertThat(copy.copyOf()).isEqualTo(original.id());
    assertThat(copy.flags()).contains(ArticleFlag.SYNDICATED);

    List<Event> launches = store.events().list("missile_launch", 0);
    assertThat(launches).hasSize(1);
    assertThat(launches.get(0).reports()).isEqualTo(2);
    assertThat(launches.get(0).independentOrigins()).isEqualTo(1);
  }

  @Test
  void aDifferentStoryOnTheSameDayIsNotACopy() throws Exception {
    String other = "Japan's defence ministry said on Thursday that a North Korean missile had flown for about"
        + " eight minutes and reached an altitude of roughly 100 km before falling into the sea between the"
        + " peninsula and the Japanese archipelago. Prime Minister officials convened a security meeting and"
        + " said no damage to ships or aircraft had been reported, while coast guard vessels were warned to"
        + " watch for falling objects in the area for several hours after the launch was detected by radar.";
    pipeline.ingestDocuments(List.of(doc("wire.example", "Wire Service", WIRE_STORY),
        doc("tokyo.example", "Tokyo Times", other)));
    assertThat(stored("Tokyo Times").copyOf()).isNull();
    assertThat(stored("Tokyo Times").flags()).doesNotContain(ArticleFlag.SYNDICATED);
  }

  @Test
  void aRevisionBySameOutletIsACopyButNotSyndication() throws Exception {
    String revised = WIRE_STORY + " The allies condemned the launch.";
    pipeline.ingestDocuments(List.of(doc("wire.example", "Wire Service", WIRE_STORY),
        doc("wire2.example", "Wire Service", revised)));
    List<Article> both = store.articles().list("Wire Service", 0);
    assertThat(both.get(1).copyOf()).isEqualTo(both.get(0).id());
    assertThat(both.get(1).flags()).doesNotContain(ArticleFlag.SYNDICATED);
  }

  @Test
  void theSameTemplateAboutAnotherLaunchIsNotACopy() throws Exception {
    String nextLaunch = WIRE_STORY.replace("16 May 2024", "18 May 2024").replace("about 300 km", "about 750 km");
    assertThat(MinHash.similarity(MinHash.sketch(WIRE_STORY), MinHash.sketch(nextLaunch)))
        .isGreaterThanOrEqualTo(NearDuplicates.THRESHOLD);
    pipeline.ingestDocuments(List.of(doc("wire.example", "Wire Service", WIRE_STORY),
        doc("paper.example", "Daily Paper", nextLaunch)));

    assertThat(stored("Daily Paper").copyOf()).isNull();
  }

  @Test
  void aCandidateSketchedBeforeTheStoreKeptFiguresIsCheckedAgainstItsText() throws Exception {
    pipeline.ingestDocuments(List.of(doc("wire.example", "Wire Service", WIRE_STORY)));
    String wire = stored("Wire Service").id();
    store.close();
    String url = "jdbc:sqlite:" + tmp.resolve("s").resolve(Store.DB_FILE);
    try (Connection db = DriverManager.getConnection(url); Statement s = db.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT figures FROM article_sketches")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1).split(" ")).containsExactlyInAnyOrder("16", "2024", "300");
      }
      // as a store of schema 7 left it
      assertThat(s.executeUpdate("UPDATE article_sketches SET figures = NULL")).isEqualTo(1);
    }
    open();

    String nextLaunch = WIRE_STORY.replace("16 May 2024", "18 May 2024").replace("about 300 km", "about 750 km");
    pipeline.ingestDocuments(List.of(doc("paper.example", "Daily Paper", nextLaunch),
        doc("post.example", "Evening Post", WIRE_STORY + " Tokyo lodged a protest.")));

    assertThat(stored("Daily Paper").copyOf()).isNull();
    assertThat(stored("Evening Post").copyOf()).isEqualTo(wire);
  }

  @Test
  void figuresAgreeWhenMostOfTheSmallerSetIsShared() {
    var story = NearDuplicates.figures("On 16 May 2024 the missile flew 300 km, a Hwasong-18.");
    assertThat(story).containsExactlyInAnyOrder("16", "2024", "300", "18");
    assertThat(NearDuplicates.sameFigures(story, NearDuplicates.figures("16 May 2024: 300 km, Hwasong-18"))).isTrue();
    assertThat(NearDuplicates.sameFigures(story, NearDuplicates.figures("16 Jun 2024: 300 km, Hwasong-15"))).isFalse();
    assertThat(NearDuplicates.sameFigures(story, NearDuplicates.figures("19 May 2024: 750 km, Hwasong-15"))).isFalse();
    assertThat(NearDuplicates.sameFigures(story, NearDuplicates.figures("no figures at all"))).isTrue();
  }

  @Test
  void aBandKeySharedByMoreArticlesThanTheLimitYieldsItsNewestEarliestFirst() throws Exception {
    List<RawDocument> docs = new ArrayList<>();
    for (int i = 1; i <= 13; i++) {
      docs.add(doc("paper" + i + ".example", "Paper " + i, "Dispatch " + i + " of a series on coastal fishing: the"
          + " boats of harbour " + i + " stayed in port for " + (i + 2) + " days while the weather turned."));
    }
    pipeline.ingestDocuments(docs);
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= 13; i++) {
      String id = stored("Paper " + i).id();
      ids.add(id);
      store.articles().insertSketch(id, new byte[] {1, 2, 3, 4}, List.of(), List.of("a-common-key"));
    }
    // the three oldest are left out: copies follow their originals, old stories are not what a new text copies
    assertThat(store.articles().sketchesSharing(List.of("a-common-key"), 10).keySet())
        .containsExactlyElementsOf(ids.subList(3, 13));
  }
}

package org.watchfloor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.extract.Extractor;
import org.watchfloor.pipeline.Pipeline;
import org.watchfloor.profile.WatchProfile;

/**
 * Search keeps weapon designators whole: {@code Hwasong-18} finds the missile, not a housing
 * project in the Hwasong area on August 18; an index analysed the old way is rebuilt.
 */
class DesignatorSearchTest {

  @TempDir Path tmp;

  private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute position = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add((position.getPositionIncrement() == 0 ? "+" : "") + term + "@" + text.substring(offset.startOffset(),
            offset.endOffset()));
      }
      ts.end();
    }
    return out;
  }

  @Test
  void aDesignatorIsOneTermWithItsFamilyBesideItInTheIndexOnly() throws IOException {
    String text = "Hwasong-18s and KN-25 rockets, KN25, Pukguksong-3's launch";
    assertThat(tokens(SearchAnalyzer.forIndex(), text)).containsExactly("hwasong18@Hwasong-18s", "+hwasong@Hwasong-18s",
        "kn25@KN-25", "+kn@KN-25", "rocket@rockets", "kn25@KN25", "+kn@KN25", "pukguksong3@Pukguksong-3",
        "+pukguksong@Pukguksong-3", "s@s", "launch@launch");
    assertThat(tokens(SearchAnalyzer.forQueries(), text)).containsExactly("hwasong18@Hwasong-18s", "kn25@KN-25",
        "rocket@rockets", "kn25@KN25", "pukguksong3@Pukguksong-3", "s@s", "launch@launch");
    assertThat(tokens(SearchAnalyzer.forQueries(), "2023-11-21 and well-known")).containsExactly(
        "2023@2023", "11@11", "21@21", "well@well", "known@known");
  }

  private Store storeOf(Map<String, String> articles) throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    for (Map.Entry<String, String> a : articles.entrySet()) {
      Files.writeString(in.resolve(a.getKey()), a.getValue(), StandardCharsets.UTF_8);
    }
    Store store = Store.open(tmp.resolve("s"));
    new Pipeline(store, new Extractor(WatchProfile.load("dprk")), new Pipeline.Listener() {}).ingest(List.of(in));
    store.syncIndex();
    return store;
  }

  private static Map<String, String> articles() {
    Map<String, String> a = new HashMap<>();
    a.put("icbm.txt", """
        title: Solid-fuel ICBM test
        outlet: Test Wire
        published: 2023-07-12T10:00:00+09:00

        North Korea test-fired a Hwasong-18 intercontinental ballistic missile on Wednesday, the military said.
        """);
    a.put("housing.txt", """
        title: New homes finished
        outlet: Test Wire
        published: 2023-08-19T10:00:00+09:00

        Families moved into new flats in the Hwasong area of Pyongyang, state media said on August 18.
        """);
    a.put("variant.txt", """
        title: Spelling of the south
        outlet: Test Wire
        published: 2023-07-13T10:00:00+09:00

        Seoul's analysts said the Hwaseong-18 flew for more than an hour.
        """);
    a.put("rocket.txt", """
        title: Rocket drill
        outlet: Test Wire
        published: 2023-08-30T10:00:00+09:00

        The army fired KN-25 rockets in a drill. Officials counted 25 rounds by the KN unit.
        """);
    return a;
  }

  private static List<String> titles(Store store, String query) {
    return store.search().search(query, "article", 100).stream().map(SearchIndex.Hit::title).toList();
  }

  @Test
  void aDesignatorFindsThatWeaponOnly_andItsFamilyFindsEveryMember() throws IOException {
    try (Store store = storeOf(articles())) {
      assertThat(titles(store, "Hwasong-18")).containsExactly("Solid-fuel ICBM test");
      assertThat(titles(store, "\"Hwasong-18\"")).containsExactly("Solid-fuel ICBM test");
      assertThat(titles(store, "hwasong-18")).containsExactly("Solid-fuel ICBM test");
      assertThat(titles(store, "KN-25")).containsExactly("Rocket drill");
      assertThat(titles(store, "KN25")).containsExactly("Rocket drill");
      assertThat(titles(store, "Hwasong")).containsExactlyInAnyOrder("Solid-fuel ICBM test", "New homes finished");
      assertThat(store.search().search("Hwasong-18", "article", 1).get(0).snippet()).contains("[Hwasong-18]");
    }
  }

  @Test
  void anIndexOfTheOldAnalysisIsRebuiltWhenTheStoreOpens() throws IOException {
    storeOf(articles()).close();
    // an index as the previous format left it: caught up by its sequence numbers, of format 2
    try (FSDirectory dir = FSDirectory.open(tmp.resolve("s/index"));
        IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
      Map<String, String> data = new HashMap<>();
      w.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
      data.put("format", "2");
      w.deleteAll();
      w.setLiveCommitData(data.entrySet());
      w.commit();
    }
    try (Store reading = Store.openReadOnly(tmp.resolve("s"))) {
      assertThat(reading.checkIndex()).isEmpty();
      assertThat(titles(reading, "Hwasong-18")).containsExactly("Solid-fuel ICBM test");
    }
    try (Store store = Store.open(tmp.resolve("s"))) {
      assertThat(titles(store, "KN-25")).containsExactly("Rocket drill");
    }
  }

  @Test
  void aDesignatorAlsoFindsTheOtherSpellingsOfItsWeapon() throws IOException {
    SearchVariants variants = SearchVariants.of(List.of(List.of("Hwasong-18", "Hwasongpho-18", "Hwaseong-18", "KN-27"),
        List.of("KN-25", "super-large rocket launcher")));
    try (Store store = storeOf(articles())) {
      assertThat(titles(store, "Hwasong-18")).containsExactly("Solid-fuel ICBM test");
      List<SearchIndex.Hit> hits = store.search().search("Hwasong-18", "article", 100, variants);
      assertThat(hits).extracting(SearchIndex.Hit::title)
          .containsExactlyInAnyOrder("Solid-fuel ICBM test", "Spelling of the south");
      assertThat(hits).extracting(SearchIndex.Hit::snippet).anySatisfy(s -> assertThat(s).contains("[Hwaseong-18]"));
      assertThat(store.search().search("KN-27", "article", 100, variants)).hasSize(2);
      assertThat(store.search().search("KN-25", "article", 100, variants)).extracting(SearchIndex.Hit::title)
          .containsExactly("Rocket drill");
    }
  }

  @Test
  void theShippedProfileJoinsTheRomanisationsOfADesignator() {
    SearchVariants variants = SearchVariants.of(org.watchfloor.serve.web.Workbench.weaponNames(WatchProfile.load("dprk")));
    assertThat(variants.of("hwasong18")).contains("hwasong18", "hwaseong18", "hwasongpho18", "kn27");
    assertThat(variants.of("pukguksong3")).contains("pukkuksong3", "bukgeukseong3", "polaris3", "kn26");
    assertThat(variants.of("launch")).containsExactly("launch");
  }
}

package org.watchfloor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.Article;

/** Rewrite links scored against the generator's truth. */
class RewriteScoresTest {

  @TempDir Path tmp;

  private static Article article(String id, String url, @Nullable String rewriteOf, @Nullable String copyOf) {
    Map<String, String> extra = new HashMap<>();
    if (rewriteOf != null) {
      extra.put("rewrite_of", rewriteOf);
      extra.put("rewrite_cosine", id.equals("j") ? "0.700" : "0.900");
    }
    return new Article(id, url, null, "o", "t", null, null, "en", "x", "h" + id, Set.of(), copyOf, extra, List.of());
  }

  @Test
  void aLinkIsRightOnlyFromAGoldRewriteToItsOwnHappening() throws Exception {
    Path gold = tmp.resolve("gold-rewrites.csv");
    Files.writeString(gold, "url\nhttps://b.example/ev000001/1\nhttps://c.example/ev000002/1\n"
        + "https://d.example/ev000003/2\n", StandardCharsets.UTF_8);
    List<Article> stored = List.of(
        article("a", "https://a.example/ev000001/0", null, null),
        article("b", "https://b.example/ev000001/1", "a", null),
        article("p", "https://p.example/ev000002/0", null, null),
        article("c", "https://c.example/ev000002/1", "a", null),
        article("j", "https://j.example/ev000002/2", "p", null),
        article("d", "https://d.example/ev000003/2", null, "a"));

    RewriteScores s = RewriteScores.score(gold, stored, "rewrite_of", "rewrite_cosine", 0.6);

    assertThat(s.links()).isEqualTo(3);
    assertThat(s.correct()).isEqualTo(1);
    assertThat(s.crossEvent()).isEqualTo(1);
    assertThat(s.gold()).isEqualTo(3);
    assertThat(s.asCopy()).isEqualTo(1);
    assertThat(s.precision()).isEqualTo(1.0 / 3);
    assertThat(s.recall()).isEqualTo(1.0 / 3);

    RewriteScores stricter = RewriteScores.score(gold, stored, "rewrite_of", "rewrite_cosine", 0.8);
    assertThat(stricter.links()).isEqualTo(2);
    assertThat(stricter.precision()).isEqualTo(0.5);
  }

  @Test
  void theGeneratorListsEachHappeningsFirstRewriteOnce() throws Exception {
    new CorpusGenerator(7).generate(300, tmp);
    List<String> urls = Files.readAllLines(tmp.resolve(CorpusGenerator.REWRITES_FILE), StandardCharsets.UTF_8);
    assertThat(urls.get(0)).isEqualTo("url");
    List<String> events = urls.subList(1, urls.size()).stream().map(RewriteScores::event).toList();
    assertThat(events).isNotEmpty().doesNotHaveDuplicates().doesNotContainNull();
  }
}

package org.watchfloor.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The parse stage in Flink's operator test harness. */
class ParseFunctionTest {

  private static List<Staged> parse(String... lines) throws Exception {
    return Harnesses.run(new ParseFunction("feed.jsonl"), List.of(lines));
  }

  @Test
  void aLineOfTheArticleContractBecomesAnArticle() throws Exception {
    List<Staged> out = parse(Corpora.UNRELATED.get(0));

    assertThat(out).singleElement().isInstanceOfSatisfying(Staged.Parsed.class, p -> {
      assertThat(p.article().title()).isEqualTo("Council keeps the library open on Sundays");
      assertThat(p.article().outlet()).isEqualTo("Harbour Gazette");
      assertThat(p.article().sourcePath()).isEqualTo("feed.jsonl");
      assertThat(p.article().text()).startsWith("The town council voted on Tuesday");
    });
  }

  @Test
  void credentialsInAnArticlesUrlAreNotKept() throws Exception {
    String line = Corpora.UNRELATED.get(1).replace("https://plains.example/", "https://reader:s3cret@plains.example/");

    List<Staged> out = parse(line);

    assertThat(out).singleElement().isInstanceOfSatisfying(Staged.Parsed.class,
        p -> assertThat(p.article().url()).isEqualTo("https://plains.example/harvest"));
  }

  @Test
  void aBadLineBecomesAProblemNamingTheInputAndTheLinesAfterItGoOn() throws Exception {
    List<Staged> out = parse("{\"title\": \"cut off", "", "[1, 2]", "{\"title\": \"no body\"}", Corpora.UNRELATED.get(2));

    assertThat(out).hasSize(4);
    assertThat(out.subList(0, 3)).allSatisfy(s -> assertThat(s).isInstanceOfSatisfying(Staged.Failed.class,
        f -> assertThat(f.problem().source()).isEqualTo("feed.jsonl")));
    assertThat(((Staged.Failed) out.get(0)).problem().reason()).startsWith("not valid JSON");
    assertThat(((Staged.Failed) out.get(1)).problem().reason()).isEqualTo("a JSON Lines article must be an object");
    assertThat(((Staged.Failed) out.get(2)).problem().reason()).isEqualTo("no \"text\" or \"html\" field with content");
    assertThat(out.get(3)).isInstanceOf(Staged.Parsed.class);
  }
}

package org.watchfloor.serve.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Queries built to be expensive — fuzzy terms, leading and inner wildcards, a regular expression
 * that backtracks, thousands of clauses, kilobytes of text — are bounded or refused: a 400 naming
 * the problem, or hits within the limits, never a 500. On the API and on the search page alike.
 */
class QueryBombTest extends SampleServerTest {

  private HttpResponse<String> api(String q) throws Exception {
    return http.get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
  }

  private HttpResponse<String> page(String q) throws Exception {
    return http.get("/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
  }

  private void boundedOrRefused(String q) throws Exception {
    for (HttpResponse<String> r : new HttpResponse[] {api(q), page(q)}) {
      assertThat(r.statusCode()).as(r.uri() + ": " + r.body()).isIn(200, 400);
      if (r.statusCode() == 400 && r.uri().getPath().startsWith("/api")) {
        assertThat(Http.json(r).at("/error/parameter").asText()).isEqualTo("q");
      }
    }
  }

  @Test
  void fuzzyTermsAreBounded() throws Exception {
    boundedOrRefused("a~2 b~2 c~2");
    boundedOrRefused("missile~2 launch~2 korea~2 hwasong~2");
    HttpResponse<String> r = api("missil~1");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(Http.json(r).get("total").asInt()).isPositive();
  }

  @Test
  void leadingWildcardsAreRefusedByName() throws Exception {
    for (String q : new String[] {"*a*", "?issile", "*"}) {
      HttpResponse<String> r = api(q);
      assertThat(r.statusCode()).as(q).isEqualTo(400);
      assertThat(Http.json(r).at("/error/message").asText()).as(q).containsIgnoringCase("wildcard");
    }
    boundedOrRefused("m*");
    boundedOrRefused("a* b* c* d* e* f* g* h* i* j* k* l* m* n* o* p*");
  }

  @Test
  void regularExpressionsAreBounded() throws Exception {
    boundedOrRefused("/(a|aa)*b/");
    boundedOrRefused("/.*/");
    boundedOrRefused("/(.*a){20}/");
    boundedOrRefused("/[a-z]{1,100}[0-9]{1,100}(x|y){1,100}/");
  }

  @Test
  void aLongQueryIsRefusedNamingItsLength() throws Exception {
    // 10 kB does not fit in a request line Jetty reads (8 kB): it answers 414 itself
    assertThat(api("missile ".repeat(1280)).statusCode()).isIn(400, 414);
    assertThat(page("missile ".repeat(1280)).statusCode()).isIn(400, 414);
    HttpResponse<String> r = api("missile ".repeat(80));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(Http.json(r).at("/error/message").asText()).contains("characters");
    assertThat(page("missile ".repeat(80)).statusCode()).isEqualTo(400);
  }

  @Test
  void tooManyClausesAreRefusedNamingTheLimit() throws Exception {
    String many = IntStream.range(0, 2000).mapToObj(i -> "t" + i).collect(Collectors.joining(" OR "));
    assertThat(api(many).statusCode()).isIn(400, 414);
    String words = IntStream.range(0, 120).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
    HttpResponse<String> f = api(words);
    assertThat(f.statusCode()).isEqualTo(400);
    assertThat(Http.json(f).at("/error/message").asText()).contains("clauses");
    assertThat(page(words).statusCode()).isEqualTo(400);
    boundedOrRefused(IntStream.range(0, 60).mapToObj(i -> "m" + i + "*").collect(Collectors.joining(" OR ")));
  }

  @Test
  void searchPagesEndAtTheHitWindow() throws Exception {
    assertThat(http.get("/api/v1/search?q=missile&offset=9500&limit=500").statusCode()).isEqualTo(200);
    HttpResponse<String> r = http.get("/api/v1/search?q=missile&offset=9501");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(Http.json(r).at("/error/parameter").asText()).isEqualTo("offset");
  }

  @Test
  void whatTheParserRejectsIsA400NamingIt() throws Exception {
    for (String q : new String[] {"AND (", "\"unclosed", "title:[a TO", "a^", "/unclosed", "((((((((((a"}) {
      HttpResponse<String> r = api(q);
      assertThat(r.statusCode()).as(q).isEqualTo(400);
      assertThat(Http.json(r).at("/error/message").asText()).as(q).contains("not valid");
    }
  }
}

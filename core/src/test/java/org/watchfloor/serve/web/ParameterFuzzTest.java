package org.watchfloor.serve.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random query parameters and path segments over every read endpoint of the API and the
 * pages: whatever the values, the answer is never a 5xx (a bad value is a 400 naming it, an unknown
 * id a 404). The seed and the request are in the failure message, so a failure can be replayed.
 */
class ParameterFuzzTest extends SampleServerTest {

  private static final long[] SEEDS = {17, 18, 19};
  private static final int REQUESTS = 600;

  private static final List<String> PATHS = List.of("/api/v1/events", "/api/v1/events/{}", "/api/v1/articles/{}",
      "/api/v1/search", "/api/v1/entities", "/api/v1/entities/{}/{}", "/api/v1/export/events",
      "/api/v1/export/launches", "/api/v1/stats/launches-per-month", "/api/v1/stats/events-per-month",
      "/api/v1/openapi.json", "/", "/search", "/entities", "/entity/{}/{}", "/events/{}", "/articles", "/articles/{}",
      "/charts", "/assets/{}", "/assets/{}/{}", "/api-docs", "/alerts", "/alerts/{}", "/login", "/account/badge",
      "/favicon.ico");

  private static final List<String> NAMES = List.of("q", "kind", "limit", "offset", "type", "weapon", "outlet", "year",
      "from", "to", "min_origins", "include_rejected", "format", "after", "cursor", "background", "planned", "month",
      "include_planned", "next", "edit", "token", "x");

  private static final List<String> VALUES = List.of("", " ", "0", "-1", "1", "20", "500", "501", "9500", "10000",
      "2147483647", "2147483648", "-2147483649", "99999999999999999999", "1e3", "0x10", "NaN", "true", "false",
      "TRUE", "csv", "json", "jsonl", "xml", "article", "event", "missile_launch", "Hwasong-18", "2025-03-14",
      "2025-13-45", "0000-00-00", "+999999999-12-31", "2024", "2024-05", "2024-13", "-2024-01", "show", "hide",
      "only", "SHOW", "a~2", "b~2", "launch~2", "missile~1", "*", "*a*", "m*", "?", "/(a|aa)*b/",
      "/.*/", "/[/", "\"", "\"unclosed", "(", ")", "AND", "OR NOT", "title:", "a:b:c", "[a TO", "{* TO *}", "a^",
      "a^999999", "\\", "%", "%00", "\u0000", "\u202e", "İstanbul", "ı", "😀", "<script>", "'; DROP TABLE events;--",
      "../../etc/passwd", "..", ".", "app.css", "x".repeat(499), "x".repeat(501), "missile ".repeat(70));

  private final Random random = new Random();

  private String pick(List<String> from) {
    return from.get(random.nextInt(from.size()));
  }

  private String value() {
    if (random.nextInt(5) == 0) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(40);
      for (int i = 0; i < n; i++) {
        sb.append((char) (random.nextInt(4) == 0 ? random.nextInt(0x3000) : 32 + random.nextInt(95)));
      }
      return sb.toString();
    }
    return pick(VALUES);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private String request() {
    String path = pick(PATHS);
    while (path.contains("{}")) {
      String segment = value();
      path = path.replaceFirst("\\{}", segment.isEmpty() ? "x" : enc(segment).replace("$", "%24"));
    }
    StringBuilder q = new StringBuilder();
    int params = random.nextInt(5);
    for (int i = 0; i < params; i++) {
      q.append(i == 0 ? '?' : '&').append(pick(NAMES));
      switch (random.nextInt(10)) {
        case 0 -> { } // a name without a value
        case 1 -> q.append("=").append(enc(value())).append('&').append(pick(NAMES)).append('=').append(enc(value()))
            .append('&').append(pick(NAMES)).append('='); // repeated and empty names
        default -> q.append('=').append(enc(value()));
      }
    }
    if (path.endsWith("search")) {
      // queries of several parts, where the costly ones add up
      StringBuilder text = new StringBuilder(value());
      for (int parts = random.nextInt(4); parts > 0; parts--) {
        text.append(' ').append(value());
      }
      q.append(q.isEmpty() ? '?' : '&').append("q=").append(enc(text.toString()));
    }
    return path + q;
  }

  @Test
  void noParameterMakesAServerError() throws Exception {
    List<String> failures = new ArrayList<>();
    for (long seed : SEEDS) {
      random.setSeed(seed);
      for (int i = 0; i < REQUESTS; i++) {
        String r = request();
        HttpResponse<String> response = http.get(r);
        if (response.statusCode() >= 500) {
          failures.add("seed " + seed + ": " + response.statusCode() + " " + r + " → "
              + response.body().substring(0, Math.min(200, response.body().length())));
        }
      }
    }
    assertThat(failures).isEmpty();
  }
}
